package io.boardclerk.bot;

import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.StoredRows;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.NINA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linking a person the minutes named to the person in Teams, over HTTP: a newcomer who shares the name inherits
 * nothing until the secretary says {@code link Sam Reed = @Sam Reed}; a member cannot say it, and a mention of someone
 * who is not in this chat (here, a member of another board's chat) links nobody. Each refusal leaves the record as it
 * was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonLinkFlowTest {

    static final Member SAM = new Member("29:sam", "Sam Reed", "aad-sam");

    @TempDir
    static Path dir;
    RunningBot bot;

    @BeforeAll
    void start() throws Exception {
        bot = RunningBot.start(dir, Map.of());
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private TeamsChat chat(Member... members) {
        TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:link-" + TeamsChat.nextId()
                + "@thread.v2", "tenant-cambs", "Link");
        bot.connector.roster(chat.conversationId(), members);
        return chat;
    }

    private String say(TeamsChat chat, Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(chat.message(from, text, mentioned));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        return sent.size() > before ? sent.get(before).text() : "";
    }

    private int count(String query) {
        return StoredRows.count(bot.database, query, query);
    }

    @Test
    void theSecretaryLinksTheMinutesNameToTheNewcomerWhoThenOwnsTheirAction() throws Exception {
        TeamsChat chat = chat(NINA, JANE, JON);
        assertEquals(202, bot.client.post(chat.membersAdded(NINA, TeamsChat.BOT_ID)).statusCode());
        assertTrue(say(chat, NINA, "secretary @Jane Gifford", JANE).contains("is now the secretary"));
        assertTrue(say(chat, JANE, "Members: Sam Reed, Treasurer").contains("remembered by name"));
        assertTrue(say(chat, JANE, "action Check the accounts owner: Sam Reed due: 26/01/2027").contains("Sam Reed"));
        bot.connector.roster(chat.conversationId(), NINA, JANE, JON, SAM);
        assertEquals(202, bot.client.post(chat.membersAdded(SAM.id())).statusCode());
        assertTrue(say(chat, SAM, "done 1").contains("Only the owner of action"), "nothing inherited by name");

        String member = say(chat, JON, "link Sam Reed = @Sam Reed", SAM);
        assertTrue(member.contains("Only the chair or secretary can"), member);
        // Someone of another board's chat, mentioned here: not a person of this board.
        TeamsChat other = chat(NINA, JANE, new Member("29:sam-elsewhere", "Sam Reed", "aad-sam-2"));
        say(other, NINA, "help");
        String elsewhere = say(chat, JANE, "link Sam Reed = @Sam Reed",
                new Member("29:sam-elsewhere", "Sam Reed", "aad-sam-2"));
        assertTrue(elsewhere.contains("is not a member of this chat"), elsewhere);
        assertEquals(1, count("SELECT count(*) FROM people WHERE name = 'Sam Reed' AND teams_id IS NULL"),
                "the refusals changed nothing");

        String linked = say(chat, JANE, "link Sam Reed = @Sam Reed", SAM);
        assertTrue(linked.contains("is now Sam Reed in this chat. Now theirs: 1 action."), linked);
        assertEquals(0, count("SELECT count(*) FROM people WHERE name = 'Sam Reed' AND teams_id IS NULL"));
        assertEquals(1, count("SELECT count(*) FROM actions a JOIN people p ON p.id = a.owner_person_id"
                + " WHERE a.number = 1 AND p.teams_id = '29:sam'"));
        String done = say(chat, SAM, "done 1");
        assertFalse(done.contains("Only the owner"), done);
    }
}
