package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Turn;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The bot: translates each Teams activity for the clerk and sends back what the clerk says. It holds no state of
 * its own; everything lives in the database.
 */
final class BoardClerkBot extends ActivityHandler {

    static final String MEETING_START = "application/vnd.microsoft.meetingStart";
    static final String MEETING_END = "application/vnd.microsoft.meetingEnd";

    /** Teams messages must stay under about 28 KB; longer replies are cut with a note. */
    static final int MAX_REPLY_CHARS = 24_000;

    private final Clerk clerk;
    private final RosterService roster;
    private final Connector connector;
    private final Clock clock;

    BoardClerkBot(Clerk clerk, RosterService roster, Connector connector, Clock clock) {
        this.clerk = clerk;
        this.roster = roster;
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        Turn turn = ActivityTranslator.turn(activity, clock.instant());
        roster.ensureFresh(activity, turn.conversation());
        return send(turnContext, clerk.onMessage(turn));
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        Conversation conversation = ActivityTranslator.conversation(activity);
        roster.membersChanged(activity, conversation);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onEventActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        Conversation conversation = ActivityTranslator.conversation(activity);
        JsonNode value = ActivityTranslator.value(activity);
        String meetingId = text(value, "Id").orElseGet(() -> teamsMeetingId(activity));
        if (MEETING_START.equals(activity.getName())) {
            roster.ensureFresh(activity, conversation);
            Instant start = text(value, "StartTime").flatMap(BoardClerkBot::instant).orElse(clock.instant());
            return send(turnContext, clerk.onMeetingStart(conversation, activity.getId(), meetingId,
                    text(value, "Title").orElse(null), start, clock.instant()));
        }
        if (MEETING_END.equals(activity.getName())) {
            return send(turnContext, clerk.onMeetingEnd(conversation, activity.getId(), meetingId, clock.instant()));
        }
        return CompletableFuture.completedFuture(null);
    }

    private static String teamsMeetingId(Activity activity) {
        var data = ActivityTranslator.channelData(activity);
        return data == null || data.getMeeting() == null ? null : data.getMeeting().getId();
    }

    private static Optional<String> text(JsonNode value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        JsonNode node = value.get(field);
        if (node == null) {
            node = value.get(Character.toLowerCase(field.charAt(0)) + field.substring(1));
        }
        return node == null || node.isNull() || node.asText().isBlank() ? Optional.empty() : Optional.of(node.asText());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Sends the clerk's reply. What was recorded is already committed: a reply the connector refuses fails the turn
     * (logged, answered 500 so Teams delivers again, and the redelivery records nothing twice) but loses nothing.
     */
    private CompletableFuture<Void> send(TurnContext turnContext, Optional<Reply> reply) {
        if (reply.isEmpty() || reply.get().markdown().isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        String text = reply.get().markdown();
        if (text.length() > MAX_REPLY_CHARS) {
            text = text.substring(0, MAX_REPLY_CHARS) + "\n\n…(cut short: too long for one Teams message)";
        }
        try {
            connector.reply(turnContext.getActivity(), text);
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ReplyNotDelivered(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new ReplyNotDelivered(e));
        }
    }
}
