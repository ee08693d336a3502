package io.boardclerk.graph;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.core.view.ActionRow;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A reminder as an e-mail, for an owner BoardClerk cannot reach in Teams: the subject in words ("Action 12 is due on
 * Thursday 10 December 2026 — Fenshire Police and Crime Panel") and an HTML body from the same {@link ReminderMessage}
 * the reminder card shows: the headline, then each action (number, item, text, owner, target, status, latest update).
 *
 * <p>An e-mail has no buttons, so the body says what to type to BoardClerk in Teams instead ({@code update 12 …},
 * {@code done 12}). Every string a person typed (board name, action text, owners, targets, updates) is escaped with
 * {@link ActionLogHtml#esc}, so nothing becomes markup, a link or a script in the recipient's mail client.
 */
public final class ReminderMailHtml {

    /** A very long text is shortened here; the full text is in Teams and the exports. */
    static final int MAX_TEXT = 2_000;
    /** A digest lists at most this many actions; the rest are one {@code my actions} away. */
    static final int MAX_ACTIONS = 50;

    private ReminderMailHtml() {
    }

    /** The subject line: plain text (a mail header, not HTML), on one line. */
    public static String subject(ReminderMessage message) {
        String what;
        if (message.kind() == ReminderKind.DIGEST) {
            what = message.meetingDate() == null ? "Your actions due at the next meeting"
                    : "Your actions due at the meeting on " + day(message.meetingDate());
        } else if (message.kind() == ReminderKind.ESCALATION) {
            what = "Overdue actions with no update";
        } else if (message.actions().size() == 1) {
            ActionRow row = message.actions().get(0);
            LocalDate date = row.targetDate();
            what = "Action " + row.number() + (date == null ? ": a reminder"
                    : message.kind() == ReminderKind.OVERDUE ? " was due on " + day(date) + " and is overdue"
                    : " is due on " + day(date));
        } else {
            what = "A reminder about your actions";
        }
        return (what + " — " + message.boardName()).replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** The body: HTML, every user-supplied string escaped. */
    public static String body(ReminderMessage message) {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<h2>").append(esc(message.boardName())).append("</h2>");
        html.append("<p>").append(esc(message.headline())).append("</p>");
        if (message.meetingDate() != null) {
            html.append("<p>Board meeting on ").append(day(message.meetingDate())).append("</p>");
        }
        int shown = 0;
        for (ActionRow row : message.actions()) {
            if (shown == MAX_ACTIONS) {
                break;
            }
            action(html, row);
            shown++;
        }
        int left = message.actions().size() - shown;
        if (left > 0) {
            html.append("<p>…and ").append(left).append(left == 1 ? " more action" : " more actions")
                    .append(". Type <b>my actions</b> to BoardClerk in Teams to see them all.</p>");
        }
        html.append("<hr><p>You are receiving this by e-mail because BoardClerk could not reach you in Teams. ")
                .append("An e-mail has no buttons: to answer, write to BoardClerk in Teams (in the board's chat, or ")
                .append("in a chat with BoardClerk once it is installed for you):</p><ul>");
        ActionRow example = message.actions().stream().filter(r -> open(r.status())).findFirst()
                .orElse(message.actions().isEmpty() ? null : message.actions().get(0));
        String n = example == null ? "12" : String.valueOf(example.number());
        html.append("<li><code>update ").append(n).append(" &lt;what has happened&gt;</code> posts an update;</li>")
                .append("<li><code>done ").append(n).append("</code> marks the action complete, for the board ")
                .append("to close;</li>")
                .append("<li><code>my actions</code> lists all your actions.</li></ul>")
                .append("<p>Replies to this e-mail are not read.</p></body></html>");
        return html.toString();
    }

    private static void action(StringBuilder html, ActionRow row) {
        html.append("<h3>Action ").append(esc(row.displayNumber()));
        if (row.agendaItem() != null && !row.agendaItem().isBlank()) {
            html.append(" · Item ").append(esc(row.agendaItem()));
        }
        html.append("</h3><p>").append(multiline(row.text())).append("</p><table>");
        fact(html, "Owner", row.owners() == null || row.owners().isBlank() ? "not set" : esc(row.owners()));
        fact(html, "Target", row.target() == null || row.target().isBlank() ? "not set" : esc(row.target()));
        fact(html, "Status", row.status() == null ? "open" : esc(row.status().word()));
        ActionUpdate latest = row.latestUpdate();
        fact(html, "Latest update", latest == null ? "none yet" : BritishDates.format(latest.date()) + ": "
                + multiline(latest.text()) + (latest.by() == null ? "" : " (" + esc(latest.by()) + ")"));
        html.append("</table>");
    }

    private static void fact(StringBuilder html, String name, String valueHtml) {
        html.append("<tr><th align=\"left\">").append(name).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    private static String multiline(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > MAX_TEXT) {
            value = value.substring(0, MAX_TEXT) + "…";
        }
        return esc(value).replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static boolean open(ActionStatus status) {
        return status == null || status == ActionStatus.OPEN || status == ActionStatus.ONGOING;
    }

    private static String esc(String text) {
        return ActionLogHtml.esc(text);
    }

    /** "Thursday 10 December 2026". */
    static String day(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " " + date.getDayOfMonth() + " "
                + date.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + date.getYear();
    }
}
