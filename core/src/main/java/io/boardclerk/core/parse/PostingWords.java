package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;

/** The words of {@code post action log [weekly <day> | weekly off]}. */
final class PostingWords {

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));

    private PostingWords() {
    }

    static Command command(String weekly, String when) {
        if (weekly == null) {
            return new Command.PostActionLog(Command.PostActionLog.Mode.NOW, null);
        }
        if (when == null || when.isBlank()) {
            return new Command.PostActionLog(Command.PostActionLog.Mode.SHOW_SCHEDULE, null);
        }
        String word = when.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        if (word.equals("off") || word.equals("stop") || word.equals("never") || word.equals("none")) {
            return new Command.PostActionLog(Command.PostActionLog.Mode.WEEKLY_OFF, null);
        }
        DayOfWeek day = DAYS.get(word);
        if (day == null && word.endsWith("s")) {
            day = DAYS.get(word.substring(0, word.length() - 1));
        }
        if (day == null) {
            return new Command.Invalid("\"" + when.strip() + "\" is not a day of the week.",
                    "post action log weekly monday");
        }
        return new Command.PostActionLog(Command.PostActionLog.Mode.WEEKLY, day);
    }
}
