package io.boardclerk.core.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as British minutes write them: day first, "26/05/2022", "26th May 2022", "10th November 2016". */
public final class BritishDates {

    public static final String FORMAT_HINT = "day first, dd/mm/yyyy: 26/05/2022 or 26th May 2022";

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("jan", Month.JANUARY), Map.entry("january", Month.JANUARY),
            Map.entry("feb", Month.FEBRUARY), Map.entry("february", Month.FEBRUARY),
            Map.entry("mar", Month.MARCH), Map.entry("march", Month.MARCH),
            Map.entry("apr", Month.APRIL), Map.entry("april", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("jun", Month.JUNE), Map.entry("june", Month.JUNE),
            Map.entry("jul", Month.JULY), Map.entry("july", Month.JULY),
            Map.entry("aug", Month.AUGUST), Map.entry("august", Month.AUGUST),
            Map.entry("sep", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("september", Month.SEPTEMBER),
            Map.entry("oct", Month.OCTOBER), Map.entry("october", Month.OCTOBER),
            Map.entry("nov", Month.NOVEMBER), Map.entry("november", Month.NOVEMBER),
            Map.entry("dec", Month.DECEMBER), Map.entry("december", Month.DECEMBER));

    static final String MONTH_WORD = "(?:january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?![\\d/-])");
    /** "14/03": a day and month without a year, the first such day on or after today. */
    private static final Pattern SHORT = Pattern.compile("(?<![\\d/.-])(\\d{1,2})/(\\d{1,2})(?![\\d/.-]|\\s*(?:members|of\\b))");
    private static final Pattern WORDS = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTH_WORD + ")\\b\\.?,?(?:\\s+(\\d{4}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "\\b([01]?\\d|2[0-3])[:.]([0-5]\\d)\\b|\\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))?\\s*([ap])\\.?m\\b",
            Pattern.CASE_INSENSITIVE);

    private BritishDates() {
    }

    /** The month a word names ("May", "sept"), if any. */
    public static Optional<Month> month(String word) {
        return Optional.ofNullable(word == null ? null : MONTHS.get(word.toLowerCase(Locale.ROOT).replace(".", "")));
    }

    /**
     * Finds the first date written in the text. A date without a year is the first such day on or after
     * {@code today}.
     */
    public static Optional<DateFinding> find(String text, LocalDate today) {
        DateFinding best = null;
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.find()) {
            int year = Integer.parseInt(numeric.group(3));
            if (numeric.group(3).length() == 2) {
                year += 2000;
            }
            best = finding(year, Integer.parseInt(numeric.group(2)), Integer.parseInt(numeric.group(1)),
                    numeric.group(), numeric.start(), numeric.end());
        }
        Matcher shortDate = SHORT.matcher(text);
        if (shortDate.find() && (best == null || shortDate.start() < best.start())) {
            int month = Integer.parseInt(shortDate.group(2));
            int day = Integer.parseInt(shortDate.group(1));
            if (month >= 1 && month <= 12) {
                best = nextOccurrence(Month.of(month), day, today, shortDate.group(), shortDate.start());
            }
        }
        Matcher words = WORDS.matcher(text);
        if (words.find() && (best == null || words.start() < best.start())) {
            Month month = month(words.group(2)).orElseThrow();
            int day = Integer.parseInt(words.group(1));
            String written = words.group().replaceAll("[,.\\s]+$", "");
            if (words.group(3) != null) {
                best = finding(Integer.parseInt(words.group(3)), month.getValue(), day, written, words.start(),
                        words.start() + written.length());
            } else {
                best = nextOccurrence(month, day, today, written, words.start());
            }
        }
        return Optional.ofNullable(best);
    }

    /** Parses text that should be nothing but a date. */
    public static Optional<DateFinding> parseWhole(String text, LocalDate today) {
        String trimmed = text.trim();
        return find(trimmed, today).filter(f -> f.start() == 0 && trimmed.substring(f.end()).isBlank());
    }

    /** The first time of day in the text: "14:00", "10.30", "2pm". */
    public static Optional<LocalTime> findTime(String text) {
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                // "26/05" is a date, not a time; a time is written with a colon, or a dot between digits.
                return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            int hour = Integer.parseInt(m.group(3)) % 12 + (m.group(5).equalsIgnoreCase("p") ? 12 : 0);
            int minute = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            return Optional.of(LocalTime.of(hour, minute));
        }
        return Optional.empty();
    }

    /** "26/05/2022", the form the board's log uses. */
    public static String format(LocalDate date) {
        StringBuilder out = new StringBuilder(10);
        twoDigits(out, date.getDayOfMonth()).append('/');
        twoDigits(out, date.getMonthValue()).append('/');
        String year = Integer.toString(date.getYear());
        return out.append("0".repeat(Math.max(0, 4 - year.length()))).append(year).toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** "26th May 2022", the form the minutes use. */
    public static String formatLong(LocalDate date) {
        int day = date.getDayOfMonth();
        String suffix = (day % 100 >= 11 && day % 100 <= 13) ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        String month = date.getMonth().name().charAt(0) + date.getMonth().name().substring(1).toLowerCase(Locale.ROOT);
        return day + suffix + " " + month + " " + date.getYear();
    }

    private static DateFinding finding(int year, int month, int day, String written, int start, int end) {
        try {
            return new DateFinding(LocalDate.of(year, month, day), written, start, end);
        } catch (DateTimeException impossible) {
            return new DateFinding(null, written, start, end);
        }
    }

    private static DateFinding nextOccurrence(Month month, int day, LocalDate today, String written, int start) {
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (!candidate.isBefore(today)) {
                    return new DateFinding(candidate, written, start, start + written.length());
                }
            } catch (DateTimeException notThisYear) {
                // 29th February: try the next year
            }
        }
        return new DateFinding(null, written, start, start + written.length());
    }
}
