package io.boardclerk.bot;

import io.boardclerk.bot.reminders.ReminderSender;
import io.boardclerk.bot.reminders.SendResult;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.graph.GraphMailer;
import io.boardclerk.graph.ReminderMailHtml;

/**
 * Sends a reminder in Teams and, when Teams cannot reach the person (no Teams identity, app not installed for them,
 * bot blocked: HTTP 403 or 404), e-mails it to them instead through Microsoft Graph, if their Entra object id is
 * known. The e-mail goes out in the same call, so inside the same SENDING window as the Teams attempt: a crash
 * between the two leaves the delivery in doubt, never sent again.
 *
 * <ul>
 *     <li>e-mailed: {@link SendResult.Mailed}, with why Teams could not take it;</li>
 *     <li>refused, or no address: still {@link SendResult.Unreachable}, with both reasons;</li>
 *     <li>Graph busy or failing before anything went out: {@link SendResult.Failed}, tried again by the retry
 *     policy (Teams first again, in case it can take it by then);</li>
 *     <li>the send timed out or its answer was unreadable, so it may have gone: {@link SendResult.GaveUp}.</li>
 * </ul>
 * Someone with no Entra object id is not looked for by name or address: they stay undeliverable, as without e-mail.
 */
final class MailFallback implements ReminderSender {

    private final ReminderSender teams;
    private final GraphMailer mailer;

    MailFallback(ReminderSender teams, GraphMailer mailer) {
        this.teams = teams;
        this.mailer = mailer;
    }

    @Override
    public SendResult send(Outgoing outgoing) throws InterruptedException {
        SendResult result = teams.send(outgoing);
        if (!(result instanceof SendResult.Unreachable unreachable) || outgoing.recipient().aadObjectId() == null) {
            return result;
        }
        String teamsReason = unreachable.reason();
        GraphMailer.Outcome outcome = mailer.send(outgoing.tenantId(), outgoing.recipient().aadObjectId(),
                ReminderMailHtml.subject(outgoing.message()), ReminderMailHtml.body(outgoing.message()));
        if (outcome instanceof GraphMailer.Sent) {
            // The address stays out of the record and the log: the directory holds it, and it is personal data.
            return new SendResult.Mailed(teamsReason);
        }
        if (outcome instanceof GraphMailer.Refused refused) {
            return new SendResult.Unreachable(teamsReason + " E-mail refused: " + refused.problem());
        }
        if (outcome instanceof GraphMailer.NoAddress none) {
            return new SendResult.Unreachable(teamsReason + " No e-mail either: " + none.problem() + ".");
        }
        GraphMailer.Failed failed = (GraphMailer.Failed) outcome;
        String why = "not reachable in Teams, and e-mail failed: " + failed.problem();
        return failed.retryable() ? new SendResult.Failed(why) : new SendResult.GaveUp(teamsReason + " E-mail failed, "
                + "and is not tried again: " + failed.problem() + ".");
    }
}
