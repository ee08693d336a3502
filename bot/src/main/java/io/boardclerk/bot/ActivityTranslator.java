package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        for (Mention mention : activity.getMentions()) {
            if (mention.getMentioned() == null) {
                continue;
            }
            String shown = mention.getText() == null ? "" : mention.getText();
            if (Objects.equals(mention.getMentioned().getId(), botId)) {
                text = text.replace(shown, " ");
            } else {
                String name = shown.replaceAll("</?at>", "").strip();
                text = text.replace(shown, name);
                mentions.add(new io.boardclerk.core.roster.Mention(mention.getMentioned().getId(),
                        name.isEmpty() ? mention.getMentioned().getName() : name));
            }
        }
        // Teams wraps mentions in <at> tags; any left (the bot's, when no entity came with it) are removed.
        text = text.replaceAll("<at>[^<]*</at>", " ").replaceAll("&nbsp;", " ").strip();
        return new Turn(conversation(activity), sender(activity), text, mentions, activity.getId(), now);
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
