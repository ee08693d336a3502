package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.reminder.PolicyWords;
import io.boardclerk.core.reminder.ReminderPlanning;
import io.boardclerk.core.reminder.ReminderPolicy;
import io.boardclerk.core.reminder.StoredDelivery;
import io.boardclerk.core.reminder.StoredReminder;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The board's reminder policy ({@code reminders ...}) and what became of its reminders ({@code reminders status}). */
final class RemindersHandler {

    /** Lines listed per section of the status before "and N more"; keeps the reply well inside a Teams message. */
    static final int LISTED = 10;

    private RemindersHandler() {
    }

    static String policy(Desk desk, Command.Reminders command) {
        Ledger ledger = desk.ledger();
        long boardId = desk.board().id();
        ReminderPolicy current = ledger.reminderPolicy(boardId);
        if (command.settings() == null) {
            return "Reminders for **" + Md.esc(desk.board().name()) + "**:\n" + current.describe()
                    + "\n\nThe chair or secretary can change them, e.g. " + Md.code(PolicyWords.EXAMPLE) + ", "
                    + Md.code("reminders 3,1,0") + ", " + Md.code("reminders overdue off") + " or "
                    + Md.code("reminders off") + "; " + Md.code("reminders status") + " shows what was sent.";
        }
        desk.requireOfficer("change the reminders");
        ReminderPolicy wanted;
        try {
            wanted = PolicyWords.apply(current, command.settings());
        } catch (PolicyWords.Wrong wrong) {
            throw new Refusal(Md.esc(wrong.getMessage()) + " Say it like this: " + Md.code(PolicyWords.EXAMPLE)
                    + " (days before the target, 0 for the day itself; overdue weekly, daily, every 3 days or off;"
                    + " digest working days before a meeting or off; escalate after days or off; or "
                    + Md.code("reminders off") + "). Nothing was changed.");
        }
        ledger.setReminderPolicy(boardId, wanted, desk.source().senderName(), desk.now());
        ReminderPlanning.replanBoard(ledger, boardId, desk.now());
        return "Reminders for **" + Md.esc(desk.board().name()) + "** are now:\n" + wanted.describe()
                + "\n\nEvery open action's reminders were planned again.";
    }

    /** @param mailOn whether reminders Teams cannot deliver are e-mailed instead (Microsoft Graph, BOARDCLERK_MAIL_FROM) */
    static String status(Desk desk, Command.RemindersStatus command, boolean mailOn) {
        desk.requireOfficer("see what became of the reminders");
        Ledger ledger = desk.ledger();
        long boardId = desk.board().id();
        Instant now = desk.now();
        StringBuilder out = new StringBuilder("**Reminders of " + Md.esc(desk.board().name()) + "**\n");
        out.append("- Planned: ").append(ledger.countPendingReminders(boardId)).append('\n');
        out.append("- Sent in the last 7 days: ")
                .append(ledger.countDeliveries(boardId, StoredDelivery.SENT, now.minus(7, ChronoUnit.DAYS)))
                .append('\n');
        section(desk, out, StoredDelivery.MAILED, "E-mailed instead: not reachable in Teams");
        section(desk, out, StoredDelivery.UNDELIVERABLE, "Could not be delivered");
        section(desk, out, StoredDelivery.DEAD, "Gave up after the last try");
        section(desk, out, StoredDelivery.IN_DOUBT, "In doubt: sending stopped midway, so not sent again; ask them");
        section(desk, out, StoredDelivery.RETRY, "Waiting to go");
        out.append(mailOn ? "\nE-mail fallback is on: an owner BoardClerk cannot reach in Teams is e-mailed the "
                + "reminder instead, if the organisation's directory knows them.\n"
                : "\nE-mail fallback is off: an owner BoardClerk cannot reach in Teams gets no reminder. To e-mail them"
                + " instead, the administrator sets BOARDCLERK_MAIL_FROM to BoardClerk's mailbox (with Microsoft Graph"
                + " on) and grants the app the Mail.Send permission, limited to that mailbox.\n");
        List<StoredReminder> next = ledger.nextReminders(boardId, LISTED + 1);
        if (!next.isEmpty()) {
            out.append("\n**Next due**\n");
            for (StoredReminder reminder : next.subList(0, Math.min(LISTED, next.size()))) {
                out.append("- ").append(when(desk, reminder.dueAt())).append(": ")
                        .append(what(desk, reminder)).append('\n');
            }
            int more = ledger.countPendingReminders(boardId) - LISTED;
            if (more > 0) {
                out.append("- … and ").append(more).append(" more\n");
            }
        }
        return out.toString().strip();
    }

    private static void section(Desk desk, StringBuilder out, String state, String heading) {
        Ledger ledger = desk.ledger();
        int count = ledger.countDeliveries(desk.board().id(), state, Instant.EPOCH);
        if (count == 0) {
            return;
        }
        out.append("\n**").append(heading).append("** (").append(count).append(")\n");
        for (StoredDelivery delivery : ledger.deliveries(desk.board().id(), state, LISTED)) {
            String about = ledger.reminder(delivery.reminderId()).map(r -> what(desk, r)).orElse("a reminder");
            out.append("- ").append(Md.esc(delivery.recipient())).append(", ").append(about);
            if (delivery.lastError() != null) {
                out.append(": ").append(withCode(delivery.lastError()));
            }
            out.append('\n');
        }
        if (count > LISTED) {
            out.append("- … and ").append(count - LISTED).append(" more\n");
        }
    }

    /** What a reminder is about, in words: "before the target of action 12.0". */
    static String what(Desk desk, StoredReminder reminder) {
        Ledger ledger = desk.ledger();
        String action = reminder.actionId() == null ? "" : ledger.actionById(reminder.actionId())
                .map(ActionItem::displayNumber).map(n -> "action " + n).orElse("a deleted action");
        return switch (reminder.kind()) {
            case BEFORE -> "before the target of " + action;
            case DUE -> action + " due that day";
            case OVERDUE -> action + " overdue";
            case SNOOZE -> action + ", snoozed";
            case DIGEST -> "digest for the meeting of " + ledger.meeting(reminder.meetingId())
                    .map(m -> BritishDates.format(m.date())).orElse("a deleted meeting");
            case ESCALATION -> "overdue actions for the chair";
        };
    }

    private static String when(Desk desk, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, desk.ledger().reminderPolicy(desk.board().id()).zone());
        return local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK) + " "
                + BritishDates.format(local.toLocalDate()) + " " + local.toLocalTime();
    }

    /** Stored reasons quote commands in backticks: those become code, the rest is escaped. */
    static String withCode(String text) {
        String[] parts = text.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 1 && i < parts.length - 1 ? Md.code(parts[i].replace("<", "").replace(">", ""))
                    : Md.esc(parts[i]));
        }
        return out.toString();
    }
}
