package io.boardclerk.core.parse;


import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an action's target: a date ("26/05/2022"), a meeting ("the next Board", "the May Board",
 * "the July 2019 Board"), a span ("in 3 months") or "on-going".
 */
public final class TargetParser {

    /** How to write a target, for replies. */
    public static final String TARGET_HINT = "a date (" + BritishDates.FORMAT_HINT + "), a meeting "
            + "(\"the next Board\", \"the May Board\", \"the July 2026 Board\"), \"in 3 months\", \"the end of March\" or "
            + "\"on-going\"";

    private static final String MEETING = "(?:board|meeting)";
    private static final Pattern NEXT = Pattern.compile(
            "\\b(?:the\\s+)?next\\s+(?:scheduled\\s+)?" + MEETING + "(?:\\s+(?:in|of)\\s+(" + BritishDates.MONTH_WORD
                    + "))?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_MEETING = Pattern.compile(
            "\\b(?:the\\s+)?(" + BritishDates.MONTH_WORD + ")(?:\\s+(\\d{4}))?\\s+" + MEETING + "\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEETING_IN_MONTH = Pattern.compile(
            "\\b(?:the\\s+)?" + MEETING + "\\s+in\\s+(" + BritishDates.MONTH_WORD + ")(?:\\s+(\\d{4}))?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WITHIN = Pattern.compile(
            "\\b(?:in|within)\\s+(\\d{1,2}|a|an|one|two|three|four|five|six|nine|twelve)\\s+(day|week|month|year)s?\\b",
            Pattern.CASE_INSENSITIVE);
    /** "August and February Boards", "the February, May and August meetings": every meeting in those months. */
    private static final Pattern RECURRING = Pattern.compile(
            "\\b(?:the\\s+|every\\s+|each\\s+)?((?:" + BritishDates.MONTH_WORD + ")(?:\\s*(?:,\\s*(?:and|&)?|&|and)\\s*(?:"
                    + BritishDates.MONTH_WORD + "))+)\\s+" + MEETING + "s?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONGOING = Pattern.compile("\\bon-?\\s?going\\b", Pattern.CASE_INSENSITIVE);
    /** "by the end of March", "end of March 2027": that month's last day (this year's, or next year's once past). */
    private static final Pattern END_OF_MONTH = Pattern.compile(
            "\\b(?:the\\s+)?end\\s+of\\s+(" + BritishDates.MONTH_WORD + ")(?:\\s+(\\d{4}))?\\b",
            Pattern.CASE_INSENSITIVE);
    /** Said on its own as a target ({@code due: tomorrow}); in a sentence these words are too often about else. */
    private static final Pattern DAY_WORD = Pattern.compile("(?i)(?:by\\s+)?(today|tomorrow)");

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("nine", 9),
            Map.entry("twelve", 12));

    private static final Pattern TRAILING_STOPS = Pattern.compile("[.;]+$");
    private TargetParser() {
    }

    /** The result of reading target words: a meaning, or why the words have none. */
    public record Reading(TargetSpec spec, String words, String problem) {

        static Reading of(TargetSpec spec, String words) {
            return new Reading(spec, words, null);
        }

        static Reading problem(String words, String problem) {
            return new Reading(null, words, problem);
        }

        public boolean ok() {
            return spec != null;
        }
    }

    /** Reads text that is meant to be a target and nothing else (the short form's {@code due:}). */
    public static Reading read(String words, LocalDate today) {
        String text = TRAILING_STOPS.matcher(words.trim()).replaceAll("");
        Optional<DateFinding> date = BritishDates.find(text, today);
        if (date.isPresent()) {
            if (date.get().impossible()) {
                return Reading.problem(date.get().written(), "\"" + date.get().written()
                        + "\" is not a date on the calendar. Write dates " + BritishDates.FORMAT_HINT + ".");
            }
            return Reading.of(new TargetSpec.OnDate(date.get().date()), text);
        }
        Matcher day = DAY_WORD.matcher(text);
        if (day.matches()) {
            return Reading.of(new TargetSpec.OnDate(day.group(1).equalsIgnoreCase("today") ? today
                    : today.plusDays(1)), text);
        }
        return find(text, today).map(spec -> Reading.of(spec, text))
                .orElseGet(() -> Reading.problem(text, "I can't read \"" + text + "\" as a target. Give " + TARGET_HINT
                        + "."));
    }

    /** Finds the first target phrase inside a sentence, returning the phrase as written. */
    public static Optional<String> findPhrase(String sentence, LocalDate today) {
        int best = Integer.MAX_VALUE;
        String phrase = null;
        for (Pattern p : new Pattern[]{NEXT, RECURRING, MONTH_MEETING, MEETING_IN_MONTH, WITHIN, ONGOING,
                END_OF_MONTH}) {
            Matcher m = p.matcher(sentence);
            if (m.find() && m.start() < best) {
                best = m.start();
                phrase = m.group();
            }
        }
        Optional<DateFinding> date = BritishDates.find(sentence, today);
        if (date.isPresent() && date.get().start() < best) {
            phrase = date.get().written();
        }
        return Optional.ofNullable(phrase).map(String::trim);
    }

    private static Optional<TargetSpec> find(String text, LocalDate today) {
        Matcher next = NEXT.matcher(text);
        if (next.find()) {
            return Optional.of(new TargetSpec.NextMeeting(month(next.group(1))));
        }
        Matcher recurring = RECURRING.matcher(text);
        if (recurring.find()) {
            EnumSet<Month> months = EnumSet.noneOf(Month.class);
            Matcher word = Pattern.compile(BritishDates.MONTH_WORD, Pattern.CASE_INSENSITIVE).matcher(recurring.group(1));
            while (word.find()) {
                months.add(month(word.group()));
            }
            return Optional.of(new TargetSpec.Recurring(months));
        }
        Matcher monthMeeting = MONTH_MEETING.matcher(text);
        if (monthMeeting.find()) {
            return Optional.of(new TargetSpec.MeetingIn(month(monthMeeting.group(1)), year(monthMeeting.group(2))));
        }
        Matcher meetingInMonth = MEETING_IN_MONTH.matcher(text);
        if (meetingInMonth.find()) {
            return Optional.of(new TargetSpec.MeetingIn(month(meetingInMonth.group(1)), year(meetingInMonth.group(2))));
        }
        Matcher within = WITHIN.matcher(text);
        if (within.find()) {
            String count = within.group(1).toLowerCase(Locale.ROOT);
            int n = NUMBER_WORDS.containsKey(count) ? NUMBER_WORDS.get(count) : Integer.parseInt(count);
            Period period = switch (within.group(2).toLowerCase(Locale.ROOT)) {
                case "day" -> Period.ofDays(n);
                case "week" -> Period.ofWeeks(n);
                case "month" -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
            return Optional.of(new TargetSpec.Within(period));
        }
        if (ONGOING.matcher(text).find()) {
            return Optional.of(new TargetSpec.Ongoing());
        }
        Matcher endOf = END_OF_MONTH.matcher(text);
        if (endOf.find()) {
            Month month = month(endOf.group(1));
            Integer year = year(endOf.group(2));
            YearMonth when = YearMonth.of(year != null ? year : today.getYear(), month);
            if (year == null && when.atEndOfMonth().isBefore(today)) {
                when = when.plusYears(1);
            }
            return Optional.of(new TargetSpec.OnDate(when.atEndOfMonth()));
        }
        return Optional.empty();
    }

    private static Month month(String word) {
        return word == null ? null : BritishDates.month(word).orElseThrow();
    }

    private static Integer year(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }
}
