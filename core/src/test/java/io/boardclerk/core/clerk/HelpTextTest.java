package io.boardclerk.core.clerk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a message that was not understood is told: its command's lines when it began with one, else everything. */
class HelpTextTest {

    @Test
    void a_reminders_message_gets_the_reminders_lines_under_their_heading() {
        String help = HelpText.forUnknown("reminders every so often");

        assertTrue(help.startsWith("Here is how to say `reminders`:\n\n**Reminders**"), help);
        assertTrue(help.contains("`reminders 7,0 overdue weekly digest 5 escalate 14`"), help);
        assertTrue(help.endsWith("`help` shows everything I can do."), help);
        assertFalse(help.contains("**Apologies**"), help);
    }

    @Test
    void the_lines_of_a_word_used_under_several_headings_keep_each_heading() {
        String help = HelpText.forUnknown("action please, for the estates report");

        assertTrue(help.contains("**Actions** (chair or secretary)\n- `Action: Constabulary"), help);
        assertTrue(help.contains("**The action log**\n- `action log`"), help);
        assertFalse(help.contains("**Reminders**"), help);

        String post = HelpText.forUnknown("Post the action log to the channel please");
        assertTrue(post.contains("**The action log**\n- `post action log`"), post);
    }

    @Test
    void the_word_is_matched_whole_and_in_any_case() {
        String help = HelpText.forUnknown("Quorum: five please");

        assertTrue(help.contains("`quorum 5`"), help);
        assertFalse(help.contains("**Apologies**"), help);
    }

    @Test
    void anything_else_gets_the_whole_grammar() {
        assertEquals("Here is what I can do:\n\n" + HelpText.BOARD, HelpText.forUnknown("please make the tea"));
        assertEquals("Here is what I can do:\n\n" + HelpText.BOARD, HelpText.forUnknown(""));
        assertEquals("Here is what I can do:\n\n" + HelpText.BOARD, HelpText.forUnknown(null));
    }
}
