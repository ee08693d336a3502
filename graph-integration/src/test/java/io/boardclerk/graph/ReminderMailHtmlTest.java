package io.boardclerk.graph;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.core.view.ActionRow;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reminder as an e-mail: the subject in words, the body escaped, and the commands to answer with. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReminderMailHtmlTest {

    static final String BOARD = "Fenshire Police and Crime Panel";

    static ActionRow action(int number, String text, LocalDate target, String update) {
        return new ActionRow(number, number, LocalDate.of(2026, 9, 10), "5." + number, text, "Jon Leigh",
                "10/12/2026", target, update == null ? List.of()
                : List.of(new ActionUpdate(LocalDate.of(2026, 11, 1), update, "Claire Dunmore")),
                ActionStatus.OPEN, 1);
    }

    @Test
    void the_subject_names_the_action_its_day_and_the_board() {
        ReminderMessage due = new ReminderMessage(ReminderKind.BEFORE, 1, BOARD, "Action 12.0 is due in 7 days.",
                List.of(action(12, "Report", LocalDate.of(2026, 12, 10), null)), null);

        assertEquals("Action 12 is due on Thursday 10 December 2026 — Fenshire Police and Crime Panel",
                ReminderMailHtml.subject(due));
    }

    @Test
    void overdue_digest_and_escalation_subjects_say_what_they_are() {
        ActionRow row = action(12, "Report", LocalDate.of(2026, 12, 10), null);
        assertEquals("Action 12 was due on Thursday 10 December 2026 and is overdue — " + BOARD,
                ReminderMailHtml.subject(new ReminderMessage(ReminderKind.OVERDUE, 1, BOARD, "h", List.of(row),
                        null)));
        assertEquals("Your actions due at the meeting on Thursday 10 December 2026 — " + BOARD,
                ReminderMailHtml.subject(new ReminderMessage(ReminderKind.DIGEST, 1, BOARD, "h", List.of(row),
                        LocalDate.of(2026, 12, 10))));
        assertEquals("Overdue actions with no update — " + BOARD, ReminderMailHtml.subject(
                new ReminderMessage(ReminderKind.ESCALATION, 1, BOARD, "h", List.of(row), null)));
    }

    @Test
    void a_subject_stays_on_one_line_whatever_the_board_is_called() {
        ReminderMessage message = new ReminderMessage(ReminderKind.DUE, 1, "Board\r\nBcc: someone@example.com",
                "h", List.of(action(3, "x", LocalDate.of(2026, 12, 10), null)), null);

        assertFalse(ReminderMailHtml.subject(message).contains("\n") || ReminderMailHtml.subject(message)
                .contains("\r"));
    }

    @Test
    void every_user_supplied_string_is_escaped() {
        ActionRow row = new ActionRow(12, 12, LocalDate.of(2026, 9, 10), "<i>5</i>", "<script>alert('x')</script> &"
                + " Co", "Jon <Leigh>", "the <May> Board", LocalDate.of(2026, 12, 10),
                List.of(new ActionUpdate(LocalDate.of(2026, 11, 1), "<img src=x onerror=y>", "Vic & <Evers>")),
                ActionStatus.OPEN, 1);
        ReminderMessage message = new ReminderMessage(ReminderKind.DUE, 1, "Fenshire <Panel> & Co",
                "Action 12.0 is <due> today.", List.of(row), null);

        String html = ReminderMailHtml.body(message);

        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"), html);
        assertTrue(html.contains("Fenshire &lt;Panel&gt; &amp; Co"), html);
        assertTrue(html.contains("Jon &lt;Leigh&gt;") && html.contains("the &lt;May&gt; Board")
                && html.contains("&lt;img src=x onerror=y&gt;") && html.contains("Vic &amp; &lt;Evers&gt;")
                && html.contains("&lt;i&gt;5&lt;/i&gt;") && html.contains("is &lt;due&gt; today"), html);
        assertFalse(html.contains("<script") || html.contains("<img") || html.contains("<Panel>")
                || html.contains("<i>5"), html);
    }

    @Test
    void the_body_says_how_to_answer_since_an_email_has_no_buttons() {
        String html = ReminderMailHtml.body(new ReminderMessage(ReminderKind.DUE, 1, BOARD, "Action 12.0 is due today.",
                List.of(action(12, "Report on the estates strategy", LocalDate.of(2026, 12, 10), "Drafted")),
                null));

        assertTrue(html.contains("<code>update 12 &lt;what has happened&gt;</code>"), html);
        assertTrue(html.contains("<code>done 12</code>"), html);
        assertTrue(html.contains("Report on the estates strategy") && html.contains("01/11/2026: Drafted"), html);
    }
}
