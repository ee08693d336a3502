package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns a Bot Framework activity, as Teams sends it, into the clerk's plain values. */
final class ActivityTranslator {

    private ActivityTranslator() {
    }

    static Conversation conversation(Activity activity) {
        TeamsChannelData data = channelData(activity);
        String tenant = activity.getConversation().getTenantId();
        if ((tenant == null || tenant.isBlank()) && data != null && data.getTenant() != null) {
            tenant = data.getTenant().getId();
        }
        String type = activity.getConversation().getConversationType();
        Conversation.Kind kind;
        if ("personal".equals(type)) {
            kind = Conversation.Kind.PERSONAL;
        } else if ("channel".equals(type)) {
            kind = Conversation.Kind.CHANNEL;
        } else if (data != null && data.getMeeting() != null && data.getMeeting().getId() != null) {
            kind = Conversation.Kind.MEETING;
        } else {
            kind = Conversation.Kind.GROUP_CHAT;
        }
        return new Conversation(tenant == null ? "" : tenant, activity.getConversation().getId(), kind,
                suggestedName(activity, data));
    }

    /** "Team / Channel" for a channel, the chat's own name for a group or meeting chat. */
    private static String suggestedName(Activity activity, TeamsChannelData data) {
        if (data != null && data.getTeam() != null && data.getTeam().getName() != null) {
            String channel = data.getChannel() == null ? null : data.getChannel().getName();
            return channel == null || channel.isBlank() ? data.getTeam().getName()
                    : data.getTeam().getName() + " / " + channel;
        }
        String name = activity.getConversation().getName();
        return name == null || name.isBlank() ? null : name;
    }

    static Sender sender(Activity activity) {
        ChannelAccount from = activity.getFrom();
        return new Sender(from.getId(), from.getAadObjectId(), from.getName() == null ? from.getId() : from.getName());
    }

    static Turn turn(Activity activity, Instant now) {
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        String text = activity.getText() == null ? "" : activity.getText();
        List<io.boardclerk.core.roster.Mention> mentions = new ArrayList<>();
        Conversation conversation = conversation(activity);
        // Addressed: a personal chat, or a message that @mentions BoardClerk. (Where Teams delivers a chat's other
        // messages too, chat that is not for the record and not addressed gets no reply.)
        boolean addressed = conversation.personal();
        for (Mention mention : mentions(activity)) {
            if (mention.getMentioned() == null) {
                continue;
            }
            String shown = mention.getText() == null ? "" : mention.getText();
            if (Objects.equals(mention.getMentioned().getId(), botId)) {
                addressed = true;
                text = text.replace(shown, " ");
            } else {
                String name = shown.replaceAll("</?at>", "").strip();
                text = text.replace(shown, name);
                mentions.add(new io.boardclerk.core.roster.Mention(mention.getMentioned().getId(),
                        name.isEmpty() ? mention.getMentioned().getName() : name));
            }
        }
        // Teams wraps mentions in <at> tags; any left (the bot's, when no entity came with it) are removed.
        addressed |= text.contains("<at>");
        text = text.replaceAll("<at>[^<]*</at>", " ").replaceAll("&nbsp;", " ").strip();
        return new Turn(conversation, sender(activity), text, mentions, activity.getId(), now, addressed);
    }

    /**
     * The activity's mentions, as {@link Activity#getMentions()} gives them. The SDK writes each entity out as JSON
     * and parses it back as a mention, which cost as much as the rest of translating the turn; a mention in the
     * shape Teams sends (type {@code mention}, {@code text}, and {@code mentioned} with {@code id} and {@code name},
     * as strings) is read directly instead. Any other entity list, however odd, still goes the SDK's way, to the
     * same result.
     */
    static List<Mention> mentions(Activity activity) {
        List<Entity> entities = activity.getEntities();
        if (entities == null) {
            return activity.getMentions();
        }
        List<Mention> mentions = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity == null || entity.getType() == null) {
                return activity.getMentions();
            }
            if (!entity.getType().equalsIgnoreCase("mention")) {
                continue;
            }
            if (!entity.getType().equals("mention")) {
                // A Mention keeps the type as written and has no setter for it.
                return activity.getMentions();
            }
            Map<String, JsonNode> properties = entity.getProperties();
            JsonNode mentioned = properties.get("mentioned");
            if (!only(properties.keySet(), MENTION_FIELDS) || !stringOrAbsent(properties.get("text"))
                    || mentioned != null && !mentioned.isNull() && !(mentioned.isObject()
                    && only(fieldNames(mentioned), ACCOUNT_FIELDS) && stringOrAbsent(mentioned.get("id"))
                    && stringOrAbsent(mentioned.get("name")))) {
                return activity.getMentions();
            }
            Mention mention = new Mention();
            mention.setText(text(properties.get("text")));
            if (mentioned != null && !mentioned.isNull()) {
                ChannelAccount account = new ChannelAccount();
                account.setId(text(mentioned.get("id")));
                account.setName(text(mentioned.get("name")));
                mention.setMentioned(account);
            }
            mentions.add(mention);
        }
        return mentions;
    }

    private static final Set<String> MENTION_FIELDS = Set.of("mentioned", "text");
    private static final Set<String> ACCOUNT_FIELDS = Set.of("id", "name");

    private static boolean only(Iterable<String> names, Set<String> allowed) {
        for (String name : names) {
            if (!allowed.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static Iterable<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static boolean stringOrAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }

    static TeamsChannelData channelData(Activity activity) {
        if (activity.getChannelData() == null) {
            return null;
        }
        try {
            return activity.getChannelData(TeamsChannelData.class);
        } catch (Exception unreadable) {
            return null;
        }
    }

    /** The value of an event activity as a JSON tree (Teams sends meeting details there). */
    static JsonNode value(Activity activity) {
        return activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
    }
}
