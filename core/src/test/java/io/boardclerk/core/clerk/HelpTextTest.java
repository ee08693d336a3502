package io.boardclerk.core.clerk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a message that was not understood is told, beside the nearest readings: one line of its command's grammar when
 * it began with a command's word, and nothing more (never the whole grammar: {@code help} gives that).
 */
class HelpTextTest {

    @Test
    void a_reminders_message_gets_one_line_of_the_reminders_grammar() {
        String hint = HelpText.hintFor("reminders every so often");

        assertTrue(hint.startsWith("Say it like this: `reminders`"), hint);
        assertEquals(1, hint.lines().count(), hint);
    }

    @Test
    void the_word_is_matched_whole_and_in_any_case() {
        assertTrue(HelpText.hintFor("Quorum: five please").contains("`quorum"), HelpText.hintFor("Quorum: five"));
        assertEquals("", HelpText.hintFor("quorums are nice"));
    }

    @Test
    void anything_else_gets_no_grammar_at_all() {
        assertEquals("", HelpText.hintFor("please make the tea"));
        assertEquals("", HelpText.hintFor(""));
        assertEquals("", HelpText.hintFor(null));
    }
}
