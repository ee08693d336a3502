package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import io.boardclerk.bot.cards.ActionReviewCard;
import io.boardclerk.bot.metrics.BotMetrics;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.CardOutcome;
import io.boardclerk.core.clerk.Clerk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * A button pressed on one of BoardClerk's cards ({@code Action.Execute}, including Teams' automatic refresh): the
 * value checked, the press handed to the clerk, and then, best effort, the card edited for everyone, the chat told,
 * and for a press in a personal chat the board's own chat told. A press is always answered, never a failed turn.
 */
final class CardPresses {

    private static final Logger LOG = LoggerFactory.getLogger(CardPresses.class);

    private final Clerk clerk;
    private final RosterService roster;
    private final Connector connector;
    private final BoardChat boardNotices;
    private final Clock clock;
    private final BotMetrics metrics;
    private final PressEffects effects;

    /**
     * @param boardNotices where a press on a reminder card (in a personal chat) is told: the board's own chat
     * @param effects      does what a press asked for once it is answered
     */
    CardPresses(Clerk clerk, RosterService roster, Connector connector, BoardChat boardNotices, Clock clock,
                BotMetrics metrics, PressEffects effects) {
        this.effects = effects;
        this.clerk = clerk;
        this.roster = roster;
        this.connector = connector;
        this.boardNotices = boardNotices;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The Universal Actions response to a press (HTTP 200 whatever came of it; the outcome is in the body). */
    ObjectNode answer(Activity activity) {
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
        if (!outcome.error()) {
            effects.after(activity, outcome.effects());
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
                activity.getFrom().getId(), activity.getFrom().getName(), ReplySender.cut(notice.markdown()));
        problem.ifPresent(why -> LOG.warn("Could not announce card action {} in the chat of board {}: {}",
                activity.getId(), board, why));
    }

    /**
     * Tells the chat what a button did. The press is already recorded and its card answered; a refused announcement
     * is logged rather than failing the press, which would invite a second press and a second recording.
     */
    private void announce(Activity activity, String markdown) {
        try {
            connector.announce(activity, ReplySender.cut(markdown));
        } catch (IOException e) {
            LOG.warn("Could not announce card action {} in conversation {}: {}", activity.getId(),
                    activity.getConversation().getId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
