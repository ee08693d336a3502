package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import io.boardclerk.bot.metrics.BotMetrics;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(BoardClerkBot.class);

    static final String MEETING_START = "application/vnd.microsoft.meetingStart";
    static final String MEETING_END = "application/vnd.microsoft.meetingEnd";

    /** Teams messages hold at most about 28 KB; a longer text did not come from a person typing in Teams. */
    static final int MAX_TEXT_CHARS = 28_000;

    private final Clerk clerk;
    private final RosterService roster;
    private final Clock clock;
    private final ServiceUrls serviceUrls;
    private final ChatAddresses chatAddresses;
    private final PersonalChats personalChats;
    private final SenderStanding standing;
    private final BoardNames names;
    private final Replies replies;
    private final CardPresses presses;
    private final BotMetrics metrics;

    /**
     * @param replies sends the clerk's reply and does its effects
     * @param presses answers presses on BoardClerk's cards
     * @param metrics what refusals are counted by
     */
    BoardClerkBot(Clerk clerk, RosterService roster, Clock clock, ServiceUrls serviceUrls, ChatAddresses chatAddresses,
                  PersonalChats personalChats, SenderStanding standing, BoardNames names, Replies replies,
                  CardPresses presses, BotMetrics metrics) {
        this.clerk = clerk;
        this.roster = roster;
        this.clock = clock;
        this.serviceUrls = serviceUrls;
        this.chatAddresses = chatAddresses;
        this.personalChats = personalChats;
        this.standing = standing;
        this.names = names;
        this.replies = replies;
        this.presses = presses;
        this.metrics = metrics;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        if (activity.getText() != null && activity.getText().length() > MAX_TEXT_CHARS) {
            // Teams itself sends nothing this long; reading it would hold up every other board.
            return send(turnContext, Optional.of(new Reply("That message is too long for me to read ("
                    + activity.getText().length() + " characters; Teams messages hold at most about "
                    + MAX_TEXT_CHARS + "). Nothing was recorded; please split it.")));
        }
        Turn read = ActivityTranslator.turn(activity, clock.instant());
        Turn turn = named(activity, new Turn(read.conversation(), standing.of(activity, read.conversation(),
                read.sender()), read.text(), read.mentions(), read.activityId(), read.receivedAt(), read.addressed()));
        roster.ensureFresh(activity, turn.conversation());
        Optional<Reply> reply = clerk.onMessage(turn);
        if (reply.isPresent() && reply.get().refused()) {
            metrics.refused(BotMetrics.Refusal.CLERK);
        }
        serviceUrls.remember(activity, turn.conversation());
        chatAddresses.remember(activity, turn.conversation());
        personalChats.remember(activity, turn.conversation());
        return send(turnContext, reply);
    }

    private Turn named(Activity activity, Turn turn) {
        Conversation conversation = names.named(activity, turn.conversation());
        return conversation == turn.conversation() ? turn : new Turn(conversation, turn.sender(), turn.text(),
                turn.mentions(), turn.activityId(), turn.receivedAt(), turn.addressed());
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        standing.noteInstallation(activity, ActivityTranslator.conversation(activity));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        Conversation conversation = ActivityTranslator.conversation(activity);
        standing.noteInstallation(activity, conversation);
        roster.membersChanged(activity, conversation);
        personalChats.remember(activity, conversation);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onEventActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        Conversation conversation = ActivityTranslator.conversation(activity);
        JsonNode value = ActivityTranslator.value(activity);
        String meetingId = text(value, "Id").orElseGet(() -> teamsMeetingId(activity));
        if (MEETING_START.equals(activity.getName())) {
            if (text(value, "Title").isEmpty()) {
                conversation = names.named(activity, conversation);
            }
            roster.ensureFresh(activity, conversation);
            Instant start = text(value, "StartTime").flatMap(BoardClerkBot::instant).orElse(clock.instant());
            Optional<Reply> reply = clerk.onMeetingStart(conversation, activity.getId(), meetingId,
                    text(value, "Title").orElse(null), start, clock.instant());
            serviceUrls.remember(activity, conversation);
            return send(turnContext, reply);
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
     * A button pressed on one of BoardClerk's cards ({@code Action.Execute}, including Teams' automatic refresh).
     * The SDK's own {@code onAdaptiveCardInvoke} path lets a malformed value fail the whole turn, so BoardClerk takes
     * the invoke here: it checks the value, hands the press to the clerk, and always answers with a Universal Actions
     * response (HTTP 200, the outcome in the body), never a failed turn.
     */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        if (!CardInvoke.NAME.equals(activity.getName())) {
            return super.onInvokeActivity(turnContext);
        }
        return CompletableFuture.completedFuture(new InvokeResponse(200, presses.answer(activity)));
    }

    /** Sends the clerk's reply and does what it asks after the turn (see {@link ReplyAndEffects}). */
    private CompletableFuture<Void> send(TurnContext turnContext, Optional<Reply> reply) {
        return reply.isEmpty() || reply.get().isEmpty() ? CompletableFuture.completedFuture(null)
                : replies.deliver(turnContext.getActivity(), reply.get());
    }

}
