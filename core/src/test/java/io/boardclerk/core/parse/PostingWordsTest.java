package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.PostActionLog.Mode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostingWordsTest {

    private static Command parse(String text) {
        List<Command> commands = CommandParser.parse(text, new ParseContext(LocalDate.of(2026, 11, 23), List.of(),
                List.of(), List.of()));
        assertEquals(1, commands.size(), commands.toString());
        return commands.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "post action log|NOW|",
            "Post the action log.|NOW|",
            "post action log summary|NOW|",
            "post action log weekly|SHOW_SCHEDULE|",
            "post action log weekly monday|WEEKLY|MONDAY",
            "post action log weekly on Fridays|WEEKLY|FRIDAY",
            "post action log every week thurs|WEEKLY|THURSDAY",
            "post action log weekly off|WEEKLY_OFF|",
            "post action log weekly stop|WEEKLY_OFF|"})
    void the_forms_of_post_action_log(String text, Mode mode, DayOfWeek day) {
        assertEquals(new Command.PostActionLog(mode, day), parse(text));
    }

    @Test
    void a_day_that_is_no_day_is_refused_with_how_to_say_it() {
        Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, parse("post action log weekly someday"));

        assertTrue(invalid.problem().contains("\"someday\" is not a day of the week"), invalid.problem());
        assertEquals("post action log weekly monday", invalid.howToSayIt());
    }

    @Test
    void the_action_log_itself_is_still_the_action_log() {
        assertEquals(new Command.ActionLog(), parse("action log"));
    }
}
