package io.boardclerk.bot.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds activity JSON shaped as Microsoft Teams sends it, for one conversation: a meeting chat, a group chat, a
 * channel or a personal chat.
 */
public final class TeamsChat {

    public static final String BOT_ID = "28:boardclerk-bot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_700_000_000_000L);

    private final String serviceUrl;
    private final String conversationId;
    private final String tenantId;
    private final String type;
    private final String meetingId;
    private final String teamId;
    private final String name;
    private boolean teamNames = true;
    private String aadGroupId;

    private TeamsChat(String serviceUrl, String conversationId, String tenantId, String type, String meetingId,
                      String teamId, String name) {
        this.serviceUrl = serviceUrl;
        this.conversationId = conversationId;
        this.tenantId = tenantId;
        this.type = type;
        this.meetingId = meetingId;
        this.teamId = teamId;
        this.name = name;
    }

    public static TeamsChat meeting(String serviceUrl, String conversationId, String tenantId, String meetingId) {
        return new TeamsChat(serviceUrl, conversationId, tenantId, "groupChat", meetingId, null, null);
    }

    public static TeamsChat groupChat(String serviceUrl, String conversationId, String tenantId, String name) {
        return new TeamsChat(serviceUrl, conversationId, tenantId, "groupChat", null, null, name);
    }

    public static TeamsChat channel(String serviceUrl, String conversationId, String tenantId, String teamId) {
        return new TeamsChat(serviceUrl, conversationId, tenantId, "channel", null, teamId, null);
    }

    /** A channel whose team Teams names by its Microsoft 365 group id too ({@code channelData.team.aadGroupId}). */
    public static TeamsChat channel(String serviceUrl, String conversationId, String tenantId, String teamId,
                                    String aadGroupId) {
        TeamsChat chat = new TeamsChat(serviceUrl, conversationId, tenantId, "channel", null, teamId, null);
        chat.aadGroupId = aadGroupId;
        return chat;
    }

    /**
     * This chat's messages without the team's and channel's names, as Teams sends ordinary channel messages (the names
     * come with some conversation updates only).
     */
    public TeamsChat withoutTeamNames() {
        this.teamNames = false;
        return this;
    }

    public static TeamsChat personal(String serviceUrl, String conversationId, String tenantId) {
        return new TeamsChat(serviceUrl, conversationId, tenantId, "personal", null, null, null);
    }

    public String conversationId() {
        return conversationId;
    }

    public static String nextId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    /**
     * A message from {@code from} that @mentions the bot first (as Teams requires outside personal chats), then
     * mentions each of {@code mentioned}. Write "@Name" in the text where each mentioned person stands.
     */
    public ObjectNode message(FakeConnector.Member from, String text, FakeConnector.Member... mentioned) {
        ObjectNode activity = base("message", from);
        ArrayNode entities = activity.putArray("entities");
        String body = text;
        if (!type.equals("personal")) {
            body = "<at>BoardClerk</at> " + body;
            mention(entities, BOT_ID, "BoardClerk");
        }
        for (FakeConnector.Member m : mentioned) {
            body = body.replace("@" + m.name(), "<at>" + m.name() + "</at>");
            mention(entities, m.id(), m.name());
        }
        entities.addObject().put("type", "clientInfo").put("locale", "en-GB").put("country", "GB")
                .put("platform", "Web").put("timezone", "Europe/London");
        activity.put("text", body);
        activity.put("textFormat", "plain");
        return activity;
    }

    /**
     * A message that does not @mention the bot, as Teams delivers a chat's other messages to an app with the chat's
     * resource-specific consent to read them.
     */
    public ObjectNode unaddressed(FakeConnector.Member from, String text) {
        ObjectNode activity = base("message", from);
        activity.putArray("entities").addObject().put("type", "clientInfo").put("locale", "en-GB");
        activity.put("text", text);
        activity.put("textFormat", "plain");
        return activity;
    }

    public ObjectNode meetingStart(String title, String startTimeIso) {
        ObjectNode activity = base("event", null);
        activity.put("name", "application/vnd.microsoft.meetingStart");
        activity.putObject("value").put("Id", meetingId).put("MeetingType", "Scheduled")
                .put("JoinUrl", "https://teams.example.invalid/l/meetup-join/" + meetingId)
                .put("Title", title).put("StartTime", startTimeIso);
        return activity;
    }

    public ObjectNode meetingEnd(String title, String endTimeIso) {
        ObjectNode activity = base("event", null);
        activity.put("name", "application/vnd.microsoft.meetingEnd");
        activity.putObject("value").put("Id", meetingId).put("MeetingType", "Scheduled")
                .put("JoinUrl", "https://teams.example.invalid/l/meetup-join/" + meetingId)
                .put("Title", title).put("EndTime", endTimeIso);
        return activity;
    }

    /**
     * A press on an {@code Action.Execute} button of a card the bot posted, as Teams sends it: the card's data with
     * its inputs merged in.
     */
    public ObjectNode cardAction(FakeConnector.Member from, String verb, ObjectNode data) {
        ObjectNode value = JSON.createObjectNode();
        ObjectNode action = value.putObject("action");
        action.put("type", "Action.Execute").put("id", "action-" + nextId()).put("verb", verb);
        action.set("data", data);
        value.put("trigger", "manual");
        return invoke(from, value);
    }

    /** An {@code adaptiveCard/action} invoke with any value at all, as a tampered client might send. */
    public ObjectNode invoke(FakeConnector.Member from, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode activity = base("invoke", from);
        activity.put("name", "adaptiveCard/action");
        activity.put("replyToId", "reply-1");
        if (value != null) {
            activity.set("value", value);
        }
        return activity;
    }

    public static ObjectNode data() {
        return JSON.createObjectNode();
    }

    public ObjectNode membersAdded(String... ids) {
        return membersAdded(null, ids);
    }

    /** Members added, as sent by {@code from} (in a personal chat: the person who installed the app). */
    public ObjectNode membersAdded(FakeConnector.Member from, String... ids) {
        ObjectNode activity = base("conversationUpdate", from);
        ArrayNode added = activity.putArray("membersAdded");
        for (String id : ids) {
            added.addObject().put("id", id);
        }
        ((ObjectNode) activity.get("channelData")).put("eventType", "membersAdded");
        return activity;
    }

    private static void mention(ArrayNode entities, String id, String name) {
        ObjectNode entity = entities.addObject();
        entity.put("type", "mention").put("text", "<at>" + name + "</at>");
        entity.putObject("mentioned").put("id", id).put("name", name);
    }

    private ObjectNode base(String activityType, FakeConnector.Member from) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", activityType);
        a.put("id", nextId());
        a.put("timestamp", "2026-11-23T10:00:00.000Z");
        a.put("serviceUrl", serviceUrl);
        a.put("channelId", "msteams");
        ObjectNode fromNode = a.putObject("from");
        if (from != null) {
            fromNode.put("id", from.id()).put("name", from.name()).put("aadObjectId", from.aadObjectId());
        } else {
            fromNode.put("id", "29:organiser").put("aadObjectId", "aad-organiser");
        }
        ObjectNode conversation = a.putObject("conversation");
        conversation.put("isGroup", !type.equals("personal")).put("conversationType", type).put("tenantId", tenantId)
                .put("id", conversationId);
        if (name != null) {
            conversation.put("name", name);
        }
        a.putObject("recipient").put("id", BOT_ID).put("name", "BoardClerk");
        ObjectNode channelData = a.putObject("channelData");
        channelData.putObject("tenant").put("id", tenantId);
        if (meetingId != null) {
            channelData.putObject("meeting").put("id", meetingId);
        }
        if (teamId != null) {
            channelData.put("teamsTeamId", teamId).put("teamsChannelId", conversationId);
            ObjectNode team = channelData.putObject("team").put("id", teamId);
            if (teamNames) {
                team.put("name", "Police and Crime Commissioner");
            }
            if (aadGroupId != null) {
                team.put("aadGroupId", aadGroupId);
            }
            ObjectNode channel = channelData.putObject("channel").put("id", conversationId);
            if (teamNames) {
                channel.put("name", "Business Coordination Board");
            }
        }
        return a;
    }
}
