package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.Serialization;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ActivityTranslator#mentions} reads the mentions Teams sends without the SDK's round trip through JSON; it
 * must give exactly what {@link Activity#getMentions()} gives, for the usual shape and for every odd one.
 */
class ActivityMentionsTest {

    private static final String BOT = "{\"type\":\"mention\",\"text\":\"<at>BoardClerk</at>\","
            + "\"mentioned\":{\"id\":\"28:bot\",\"name\":\"BoardClerk\"}}";
    private static final String JON = "{\"type\":\"mention\",\"text\":\"<at>Jon Leigh</at>\","
            + "\"mentioned\":{\"id\":\"29:jon\",\"name\":\"Jon Leigh\"}}";

    @Test
    void everyShapeOfEntityGivesTheMentionsTheSdkGives() throws Exception {
        List<String> entityLists = List.of(
                "[]",
                "[" + BOT + "]",
                "[" + BOT + "," + JON + "]",
                "[{\"type\":\"clientInfo\",\"locale\":\"en-GB\",\"country\":\"GB\"}," + JON + "]",
                "[{\"type\":\"Mention\",\"text\":\"<at>Jane Gifford</at>\",\"mentioned\":{\"id\":\"29:jane\"}}]",
                "[{\"type\":\"MENTION\",\"mentioned\":{\"name\":\"Vic Evers\"}}]",
                "[{\"type\":\"mention\",\"text\":null,\"mentioned\":null}]",
                "[{\"type\":\"mention\",\"text\":\"<at>Nina Hart</at>\"}]",
                "[{\"type\":\"mention\"}]",
                "[{\"type\":\"mention\",\"text\":\"<at>Louisa Barry</at>\",\"mentioned\":{\"id\":\"29:louisa\","
                        + "\"name\":\"Louisa Barry\",\"aadObjectId\":\"aad-louisa\",\"role\":\"user\"}}]",
                "[{\"type\":\"mention\",\"text\":\"<at>Helen Marsh</at>\",\"mentioned\":{\"id\":7,\"name\":true}}]",
                "[{\"type\":\"mention\",\"text\":5,\"mentioned\":{\"id\":\"29:helen\",\"name\":\"Helen Marsh\"}}]",
                "[{\"type\":\"mention\",\"text\":\"<at>Claire Dunmore</at>\",\"mentioned\":{\"id\":\"29:claire\","
                        + "\"name\":\"Claire Dunmore\"},\"extra\":{\"a\":1}}]");
        for (String entities : entityLists) {
            Activity activity = activity(entities);
            assertEquals(described(activity.getMentions()), described(ActivityTranslator.mentions(activity)),
                    entities);
        }
        Activity none = activity(null);
        assertEquals(described(none.getMentions()), described(ActivityTranslator.mentions(none)));
    }

    private static Activity activity(String entities) throws Exception {
        String json = "{\"type\":\"message\",\"id\":\"1\",\"text\":\"<at>BoardClerk</at> apologies\""
                + (entities == null ? "" : ",\"entities\":" + entities) + "}";
        return Serialization.treeToValue(Serialization.jsonToTree(json), Activity.class);
    }

    private static List<String> described(List<Mention> mentions) {
        List<String> out = new ArrayList<>();
        for (Mention mention : mentions) {
            out.add(mention == null ? "null" : mention.getText() + " | " + (mention.getMentioned() == null ? "no one"
                    : mention.getMentioned().getId() + " | " + mention.getMentioned().getName()) + " | "
                    + mention.getType());
        }
        return out;
    }
}
