package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import io.boardclerk.bot.cards.ActionReviewCard;
import io.boardclerk.bot.metrics.BotMetrics;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.CardOutcome;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(BoardClerkBot.class);

    static final String MEETING_START = "application/vnd.microsoft.meetingStart";
    static final String MEETING_END = "application/vnd.microsoft.meetingEnd";

    /** Teams messages hold at most about 28 KB; a longer text did not come from a person typing in Teams. */
    static final int MAX_TEXT_CHARS = 28_000;

    private final Clerk clerk;
    private final RosterService roster;
    private final Connector connector;
    private final Clock clock;
    private final ServiceUrls serviceUrls;
    private final ChatAddresses chatAddresses;
    private final PersonalChats personalChats;
    private final SenderStanding standing;
    private final BoardNames names;
    private final Replies replies;
    private final BoardChat boardNotices;
    private final BotMetrics metrics;

    /**
     * @param replies      sends the clerk's reply and does its effects
     * @param boardNotices where a press on a reminder card (in a personal chat) is told: the board's own chat
     * @param metrics      what refusals are counted by
     */
    BoardClerkBot(Clerk clerk, RosterService roster, Connector connector, Clock clock, ServiceUrls serviceUrls,
                  ChatAddresses chatAddresses, PersonalChats personalChats, SenderStanding standing, BoardNames names,
                  Replies replies, BoardChat boardNotices, BotMetrics metrics) {
        this.clerk = clerk;
        this.roster = roster;
        this.connector = connector;
        this.clock = clock;
        this.serviceUrls = serviceUrls;
        this.chatAddresses = chatAddresses;
        this.personalChats = personalChats;
        this.standing = standing;
        this.names = names;
        this.replies = replies;
        this.boardNotices = boardNotices;
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
        return CompletableFuture.completedFuture(new InvokeResponse(200, cardAction(activity)));
    }

    private ObjectNode cardAction(Activity activity) {
        CardInvoke.Parsed parsed = CardInvoke.parse(activity, clock.instant());
        if (parsed.problem() != null) {
            LOG.info("Refused card action {} in conversation {}: {}", activity.getId(),
                    activity.getConversation().getId(), parsed.problem());
            metrics.refused(BotMetrics.Refusal.CARD);
            return InvokeResponses.badRequest(parsed.problem());
        }
        CardOutcome outcome;
        try {
            roster.ensureFresh(activity, parsed.turn().conversation());
            outcome = clerk.onCardAction(parsed.turn());
        } catch (RuntimeException e) {
            LOG.error("Card action {} ({}) failed in conversation {}", activity.getId(), parsed.turn().verb(),
                    activity.getConversation().getId(), e);
            return InvokeResponses.error(500, "InternalServerError", "Something went wrong on my side and nothing "
                    + "was recorded. Please try again in a moment.");
        }
        if (outcome.error()) {
            metrics.refused(BotMetrics.Refusal.CARD);
        }
        if (!outcome.error() && outcome.card() instanceof Card.ActionReview review
                && !Card.Verbs.REFRESH.equals(parsed.turn().verb())) {
            editForEveryone(activity, review);
        }
        if (outcome.announcement() != null && !outcome.announcement().isBlank()) {
            announce(activity, outcome.announcement());
        }
        if (!outcome.error() && outcome.boardNotice() != null && !outcome.boardNotice().markdown().isBlank()) {
            announceInBoard(activity, parsed, outcome.boardNotice());
        }
        return InvokeResponses.of(outcome);
    }

    /**
     * The invoke response changes the card for the presser only; editing the message shows everyone the action as
     * it now stands (Teams' "up-to-date cards": the edit also prompts automatic refresh). Best effort: the press is
     * recorded and answered whether or not the edit lands.
     */
    private void editForEveryone(Activity activity, Card.ActionReview review) {
        if (activity.getReplyToId() == null || activity.getReplyToId().isBlank()) {
            return;
        }
        try {
            connector.updateCard(activity, activity.getReplyToId(), ActionReviewCard.render(review));
        } catch (IOException e) {
            LOG.warn("Could not update the card of message {} in conversation {}: {}", activity.getReplyToId(),
                    activity.getConversation().getId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A press in someone's personal chat (on a reminder card) is told to the board it acted on, in the board's own
     * chat (only a board of the presser's tenant), never in the personal chat. Best effort, as {@link #announce}: the
     * press is recorded and answered already.
     */
    private void announceInBoard(Activity activity, CardInvoke.Parsed parsed, CardOutcome.BoardNotice notice) {
        long board = notice.boardId();
        Optional<String> problem = boardNotices.announce(board, parsed.turn().conversation().tenantId(),
                activity.getFrom().getId(), activity.getFrom().getName(), cut(notice.markdown()));
        problem.ifPresent(why -> LOG.warn("Could not announce card action {} in the chat of board {}: {}",
                activity.getId(), board, why));
    }

    /**
     * Tells the chat what a button did. The press is already recorded and its card answered; a refused announcement
     * is logged rather than failing the press, which would invite a second press and a second recording.
     */
    private void announce(Activity activity, String markdown) {
        try {
            connector.announce(activity, cut(markdown));
        } catch (IOException e) {
            LOG.warn("Could not announce card action {} in conversation {}: {}", activity.getId(),
                    activity.getConversation().getId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the clerk's reply and does what it asks after the turn (see {@link ReplyAndEffects}). */
    private CompletableFuture<Void> send(TurnContext turnContext, Optional<Reply> reply) {
        return reply.isEmpty() || reply.get().isEmpty() ? CompletableFuture.completedFuture(null)
                : replies.deliver(turnContext.getActivity(), reply.get());
    }

    private static String cut(String text) {
        return ReplySender.cut(text);
    }
}
