package io.boardclerk.core.parse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people name a meeting in chat: "the July Board", "the 14th March meeting", "next Thursday's meeting",
 * "September's Board", "the next one", "today", "last time", a bare date. Read against the day it was said; which
 * meeting it is, the clerk decides from the board's calendar.
 */
public final class MeetingWords {

    /** What kind of meeting was named. */
    public enum Kind {
        /** The meeting under way, or held today. */
        TODAY,
        /** The next meeting after the one under way. */
        NEXT,
        /** The last meeting held. */
        LAST,
        /** A meeting on a day. */
        DAY,
        /** A meeting in a month. */
        MONTH,
        /** The meeting after the next. */
        AFTER_NEXT,
        /** A meeting falling within a span of days ("on leave 12-16 April"). */
        SPAN
    }

    /**
     * A meeting as named.
     *
     * @param words where it stands in the text, as written
     * @param day   the day, for {@link Kind#DAY}
     * @param month the month, for {@link Kind#MONTH}
     */
    public record Named(Kind kind, LocalDate day, YearMonth month, String words, int start, int end, LocalDate until) {
        public Named(Kind kind, LocalDate day, YearMonth month, String words, int start, int end) {
            this(kind, day, month, words, start, end, null);
        }

        /** The canonical words for it, as a command takes them back: "11/03/2027", "July 2027", "the next meeting". */
        public String canonical() {
            return switch (kind) {
                case TODAY -> "today";
                case NEXT -> "the next meeting";
                case AFTER_NEXT -> "the meeting after next";
                case SPAN -> BritishDates.format(day) + " to " + BritishDates.format(until);
                case LAST -> "the last meeting";
                case DAY -> BritishDates.format(day);
                case MONTH -> month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + " "
                        + month.getYear();
            };
        }
    }

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final String MEETING = "(?:board(?:\\s+meeting)?|meeting|mtg|one|session|bcb)";
    /** Not "sat", "sun", "wed" or "mon": too often other words. */
    private static final String DAY_NAME = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|tue"
            + "|weds|thurs|thur|thu|fri)";
    private static final Pattern TODAY = Pattern.compile("\\b(?:today(?:'s|’s)?(?:\\s+" + MEETING + ")?|this\\s+(?:"
            + MEETING + "|morning(?:'s|’s)?(?:\\s+" + MEETING + ")?|afternoon(?:'s|’s)?(?:\\s+" + MEETING + ")?))\\b", I);
    private static final Pattern NEXT = Pattern.compile("\\b(?:the\\s+)?next\\s+(?:" + MEETING + "|time)\\b"
            + "|\\b(?:the\\s+)?next\\s+one\\b", I);
    private static final Pattern AFTER_NEXT = Pattern.compile("\\b(?:the\\s+)?(?:" + MEETING + ")\\s+after\\s+next\\b",
            I);
    private static final Pattern NEXT_MONTH = Pattern.compile("\\b(next|this)\\s+month(?:'s|’s)?\\b", I);
    /** "Thurs 15th", "Thursday 15 April", "Thu 15/04": a weekday with its day. */
    private static final Pattern WEEKDAY_DAY = Pattern.compile("\\b" + "(monday|tuesday|wednesday|thursday|friday"
            + "|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)" + ",?\\s+(?:the\\s+)?(\\d{1,2})"
            + "(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?(" + BritishDates.MONTH_WORD + "))?\\b", I);
    /** "12-16 April", "12th to 16th April": a span of days in a month. */
    private static final Pattern SPAN = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|to|until|till)\\s*"
            + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + BritishDates.MONTH_WORD + ")\\b", I);
    private static final Pattern LAST = Pattern.compile("\\b(?:the\\s+)?(?:last|previous)\\s+(?:" + MEETING
            + "|time)\\b", I);
    private static final Pattern WEEKDAY = Pattern.compile("\\b(next\\s+|this\\s+|on\\s+)?" + DAY_NAME
            + "(?:'s|’s)?(?:\\s+" + MEETING + ")?\\b", I);
    /** "14/03" or "14.03": a day and month without a year. */
    private static final Pattern SHORT_DATE = Pattern.compile("(?<![\\d/.-])(\\d{1,2})[/.](\\d{1,2})(?![\\d/-]|\\.\\d)");
    /** "March 14th", "the 14th" (of the month said, or the next such day). */
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + BritishDates.MONTH_WORD
            + ")\\s+(\\d{1,2})(?:st|nd|rd|th)\\b", I);
    private static final Pattern BARE_DAY = Pattern.compile("\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?"
            + BritishDates.MONTH_WORD + ")", I);
    /** "the July Board", "July's meeting", "September's Board", "the Board in July", "July 2027". */
    private static final Pattern MONTH = Pattern.compile("\\b(" + BritishDates.MONTH_WORD + ")(?:'s|’s)?(?:\\s+(\\d{4}))?"
            + "\\s+" + MEETING + "\\b|\\b" + MEETING + "\\s+(?:in|for)\\s+(" + BritishDates.MONTH_WORD
            + ")(?:\\s+(\\d{4}))?\\b|\\b(?:in|for)\\s+(" + BritishDates.MONTH_WORD + ")(?:\\s+(\\d{4}))?\\b", I);

    private MeetingWords() {
    }

    /** The first meeting named in {@code text}, read against {@code today}. */
    public static Optional<Named> find(String text, LocalDate today) {
        return Optional.ofNullable(first(text, today));
    }

    /** Every meeting named in {@code text}, in order ("the 15/04 and 13/05 Boards"). */
    public static List<Named> findAll(String text, LocalDate today) {
        List<Named> all = new ArrayList<>();
        int from = 0;
        while (from < text.length() && all.size() < 12) {
            Named found = first(text.substring(from), today);
            if (found == null) {
                break;
            }
            all.add(new Named(found.kind(), found.day(), found.month(), found.words(), from + found.start(),
                    from + found.end(), found.until()));
            from += Math.max(found.end(), 1);
        }
        return all;
    }

    private static Named first(String text, LocalDate today) {
        Named best = null;
        best = earlier(best, simple(AFTER_NEXT, Kind.AFTER_NEXT, text));
        best = earlier(best, weekdayDay(text, today));
        best = earlier(best, span(text, today));
        best = earlier(best, nextMonth(text, today));
        best = earlier(best, simple(TODAY, Kind.TODAY, text));
        best = earlier(best, simple(NEXT, Kind.NEXT, text));
        best = earlier(best, simple(LAST, Kind.LAST, text));
        best = earlier(best, fullDate(text, today));
        best = earlier(best, shortDate(text, today));
        best = earlier(best, monthDay(text, today));
        best = earlier(best, bareDay(text, today));
        best = earlier(best, weekday(text, today));
        best = earlier(best, month(text, today));
        return best;
    }

    private static Named weekdayDay(String text, LocalDate today) {
        Matcher m = WEEKDAY_DAY.matcher(text);
        while (m.find()) {
            DayOfWeek weekday = dayOfWeek(m.group(1));
            int day = Integer.parseInt(m.group(2));
            for (int ahead = 0; ahead < 14 && day >= 1 && day <= 31; ahead++) {
                YearMonth month = YearMonth.from(today).plusMonths(ahead);
                if (m.group(3) != null && month.getMonth() != BritishDates.month(m.group(3)).orElseThrow()) {
                    continue;
                }
                if (month.isValidDay(day) && !month.atDay(day).isBefore(today)
                        && month.atDay(day).getDayOfWeek() == weekday) {
                    return new Named(Kind.DAY, month.atDay(day), null, m.group(), m.start(), m.end());
                }
            }
        }
        return null;
    }

    private static Named span(String text, LocalDate today) {
        Matcher m = SPAN.matcher(text);
        while (m.find()) {
            Month month = BritishDates.month(m.group(3)).orElseThrow();
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            int year = month.getValue() >= today.getMonthValue() ? today.getYear() : today.getYear() + 1;
            YearMonth ym = YearMonth.of(year, month);
            if (from >= 1 && from <= to && ym.isValidDay(to)) {
                return new Named(Kind.SPAN, ym.atDay(from), null, m.group(), m.start(), m.end(), ym.atDay(to));
            }
        }
        return null;
    }

    private static Named nextMonth(String text, LocalDate today) {
        Matcher m = NEXT_MONTH.matcher(text);
        if (!m.find()) {
            return null;
        }
        YearMonth month = YearMonth.from(today).plusMonths(m.group(1).equalsIgnoreCase("next") ? 1 : 0);
        return new Named(Kind.MONTH, null, month, m.group(), m.start(), m.end());
    }

    private static Named earlier(Named best, Named found) {
        if (found == null) {
            return best;
        }
        if (best == null || found.start() < best.start()
                || found.start() == best.start() && found.end() > best.end()) {
            return found;
        }
        return best;
    }

    private static Named simple(Pattern pattern, Kind kind, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? new Named(kind, null, null, m.group(), m.start(), m.end()) : null;
    }

    private static Named fullDate(String text, LocalDate today) {
        return BritishDates.find(text, today).filter(f -> !f.impossible())
                .map(f -> new Named(Kind.DAY, f.date(), null, f.written(), f.start(), f.end())).orElse(null);
    }

    private static Named shortDate(String text, LocalDate today) {
        Matcher m = SHORT_DATE.matcher(text);
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength()) {
                LocalDate date = next(MonthDay.of(month, day), today);
                if (date != null) {
                    return new Named(Kind.DAY, date, null, m.group(), m.start(), m.end());
                }
            }
        }
        return null;
    }

    private static Named monthDay(String text, LocalDate today) {
        Matcher m = MONTH_DAY.matcher(text);
        while (m.find()) {
            Month month = BritishDates.month(m.group(1)).orElseThrow();
            int day = Integer.parseInt(m.group(2));
            if (day >= 1 && day <= month.maxLength()) {
                LocalDate date = next(MonthDay.of(month.getValue(), day), today);
                if (date != null) {
                    return new Named(Kind.DAY, date, null, m.group(), m.start(), m.end());
                }
            }
        }
        return null;
    }

    private static Named bareDay(String text, LocalDate today) {
        Matcher m = BARE_DAY.matcher(text);
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            for (int ahead = 0; ahead < 3 && day >= 1 && day <= 31; ahead++) {
                YearMonth month = YearMonth.from(today).plusMonths(ahead);
                if (month.isValidDay(day) && !month.atDay(day).isBefore(today)) {
                    return new Named(Kind.DAY, month.atDay(day), null, m.group(), m.start(), m.end());
                }
            }
        }
        return null;
    }

    private static Named weekday(String text, LocalDate today) {
        Matcher m = WEEKDAY.matcher(text);
        while (m.find()) {
            DayOfWeek day = dayOfWeek(m.group(2));
            String lead = m.group(1) == null ? "" : m.group(1).strip().toLowerCase(Locale.ROOT);
            // "next Thursday" said on a Thursday is a week away; said on another day, the coming Thursday (the
            // clerk checks the board's calendar for the week after when no meeting falls on it).
            LocalDate date = lead.equals("next") || lead.isEmpty() || lead.equals("on") || lead.equals("this")
                    ? today.with(TemporalAdjusters.next(day)) : null;
            if (date != null) {
                return new Named(Kind.DAY, date, null, m.group(), m.start(), m.end());
            }
        }
        return null;
    }

    private static Named month(String text, LocalDate today) {
        Matcher m = MONTH.matcher(text);
        while (m.find()) {
            int group = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
            Month month = BritishDates.month(m.group(group)).orElseThrow();
            if (month == Month.MAY && m.group(group).equals("may") && group == 5) {
                continue; // "in may" in lower case is far likelier the verb than the month
            }
            String yearWords = m.group(group + 1);
            int year = yearWords != null ? Integer.parseInt(yearWords)
                    : month.getValue() >= today.getMonthValue() ? today.getYear() : today.getYear() + 1;
            return new Named(Kind.MONTH, null, YearMonth.of(year, month), m.group(), m.start(), m.end());
        }
        return null;
    }

    private static DayOfWeek dayOfWeek(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(w.substring(0, 3))) {
                return day;
            }
        }
        throw new IllegalArgumentException(word);
    }

    /** The first such day on or after {@code today}. */
    private static LocalDate next(MonthDay monthDay, LocalDate today) {
        for (int year = today.getYear(); year <= today.getYear() + 4; year++) {
            if (monthDay.month() == 2 && monthDay.day() == 29 && !Year.isLeap(year)) {
                continue;
            }
            LocalDate candidate = LocalDate.of(year, monthDay.month(), monthDay.day());
            if (!candidate.isBefore(today)) {
                return candidate;
            }
        }
        return null;
    }

    private record MonthDay(int month, int day) {
        static MonthDay of(int month, int day) {
            return new MonthDay(month, day);
        }
    }
}
