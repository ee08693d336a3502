package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.core.parse.GrammarParts.I;
import static io.boardclerk.core.parse.GrammarParts.ITEM;
import static io.boardclerk.core.parse.GrammarParts.clean;
import static io.boardclerk.core.parse.GrammarParts.group;
import static io.boardclerk.core.parse.GrammarParts.impossibleDate;

/**
 * Meetings and their minutes: "next meeting 26/05/2026 10:00 at Police Headquarters" (or the minutes' "The next
 * meeting will be held on 26th May 2026 at 10:00 via Microsoft Teams"), "start meeting", "end meeting", "move meeting
 * 11/02/2027 to 18/02/2027", "item 5.7", "approve minutes 26/05/2026", "draft minutes", "attendance", "quorum 5" and
 * "calendar". A meeting named in chat ("the July Board", "next Thursday's meeting") is {@link MeetingWords}'.
 */
final class MeetingGrammar {

    private static final Pattern DRAFT_MINUTES = Pattern.compile("^(?:draft|show|write)\\s+(?:the\\s+)?minutes"
            + "(?:\\s+draft)?$|^minutes\\s+draft$", I);
    private static final Pattern APPROVE_MINUTES = Pattern.compile("^approve\\s+(?:the\\s+)?minutes(?:\\s+(?:of|for"
            + "|from))?(?:\\s+(?:the\\s+)?(?:meeting\\s+)?(?:(?:of|on|held\\s+on)\\s+)?(?:the\\s+)?(.+))?$", I);
    private static final Pattern ATTENDANCE = Pattern.compile("^(?:show\\s+(?:the\\s+)?)?attendance"
            + "(?:\\s+report)?$", I);
    private static final Pattern QUORUM = Pattern.compile("^(?:the\\s+)?quorum(?:\\s+(?:is\\s+)?(.+))?$", I);
    private static final Pattern CALENDAR = Pattern.compile("^calendar(?:\\s+(.+))?$", I);
    private static final Pattern ITEM_CMD = Pattern.compile("^(?:agenda\\s+)?item\\s+" + ITEM + "\\.?$", I);
    private static final Pattern MOVE_MEETING = Pattern.compile("^(?:move|reschedule)\\s+(?:the\\s+)?(?:meeting|board)"
            + "\\s+(?:of\\s+|on\\s+)?(?:the\\s+)?(.+?)\\s+to\\s+(?:the\\s+)?(.+?)\\.?$", I);
    private static final Pattern NEXT_MEETING_CMD = Pattern.compile("^next\\s+meeting\\s*:?\\s+(.+)$", I);
    private static final Pattern NEXT_MEETING_MINUTE = Pattern.compile("^(?:the\\s+)?(?:date\\s+of\\s+(?:the\\s+)?)?next\\s+"
            + "(?:scheduled\\s+)?(?:meeting|board)(?:\\s+meeting)?(?:\\s+(?:will\\s+be\\s+held\\s+on|will\\s+take\\s+place"
            + "\\s+on|will\\s+be\\s+on|will\\s+be|is\\s+on|is\\s+scheduled\\s+for|is)|\\s*:)\\s+(?:the\\s+)?(.+)$", I);
    private static final Pattern START_MEETING = Pattern.compile("^start\\s+(?:the\\s+)?meeting(?:\\s+(.+))?$", I);
    private static final Pattern END_MEETING = Pattern.compile("^(?:end|close)\\s+(?:the\\s+)?meeting\\.?$", I);
    private static final Pattern LOCATION = Pattern.compile("\\b(?:at|in|via)\\s+(?!\\d)([^.]+?)\\.?$", I);

    /** The shapes, in the order they are tried. */
    static final List<Shape> SHAPES = List.of(
            Shape.of("draft show write minutes", (l, c) -> group(DRAFT_MINUTES, l, m -> new Command.DraftMinutes())),
            Shape.of("approve", (l, c) -> group(APPROVE_MINUTES, l, m -> approveMinutes(m.group(1), c.today()))),
            Shape.of("show attendance", (l, c) -> group(ATTENDANCE, l, m -> new Command.Attendance())),
            Shape.of("the quorum", (l, c) -> group(QUORUM, l, m -> quorum(m.group(1)))),
            Shape.of("calendar", (l, c) -> group(CALENDAR, l, m -> CalendarWords.command(m.group(1)))),
            Shape.of("agenda item", (l, c) -> group(ITEM_CMD, l, m -> new Command.SetItem(m.group(1)))),
            Shape.of("move reschedule", (l, c) -> group(MOVE_MEETING, l, m -> moveMeeting(m.group(1), m.group(2),
                    c.today()))),
            Shape.of("next", (l, c) -> group(NEXT_MEETING_CMD, l, m -> nextMeeting(m.group(1), c.today(), true))),
            Shape.of("the date next", (l, c) -> group(NEXT_MEETING_MINUTE, l, m -> nextMeeting(m.group(1), c.minuted(),
                    false))),
            Shape.of("start", (l, c) -> group(START_MEETING, l, m -> startMeeting(m.group(1), c.today()))),
            Shape.of("end close", (l, c) -> END_MEETING.matcher(l).matches() ? new Command.EndMeeting() : null));

    private MeetingGrammar() {
    }

    private static Command approveMinutes(String words, LocalDate today) {
        if (words == null || words.isBlank()) {
            return new Command.Invalid("Say which meeting's minutes are approved.", "approve minutes 26/05/2026");
        }
        String written = words.strip().replaceFirst("(?i)\\s+as\\s+a\\s+true\\s+record\\.?$", "");
        if (written.matches("(?i)(?:the\\s+)?(?:last|previous)(?:\\s+(?:meeting|board))?\\.?")) {
            return new Command.ApproveMinutes(null);
        }
        Optional<DateFinding> found = BritishDates.find(written, today);
        if (found.isEmpty()) {
            return new Command.Invalid("\"" + clean(words) + "\" is not a date I can read (" + BritishDates.FORMAT_HINT
                    + ").", "approve minutes 26/05/2026");
        }
        if (found.get().impossible()) {
            return new Command.Invalid("\"" + found.get().written() + "\" is not a date on the calendar.",
                    "approve minutes 26/05/2026");
        }
        return new Command.ApproveMinutes(found.get().date());
    }

    private static Command moveMeeting(String from, String to, LocalDate today) {
        String example = "move meeting 11/02/2027 to 18/02/2027";
        Optional<DateFinding> was = BritishDates.find(from, today);
        Optional<DateFinding> now = BritishDates.find(to, today);
        if (was.isEmpty() && now.isEmpty()) {
            // "Reschedule the meeting with the Fire Service to next week": minute language, not a command.
            return null;
        }
        if (was.isEmpty() || now.isEmpty()) {
            return new Command.Invalid("Give both dates, " + BritishDates.FORMAT_HINT + ".", example);
        }
        for (DateFinding d : List.of(was.get(), now.get())) {
            if (d.impossible()) {
                return new Command.Invalid("\"" + d.written() + "\" is not a date on the calendar.", example);
            }
        }
        return new Command.MoveMeeting(was.get().date(), now.get().date());
    }

    /** {@code quorum}, {@code quorum 5}, {@code quorum off}: a whole number of members from 1 to 99. */
    private static Command quorum(String words) {
        if (words == null) {
            return new Command.Quorum(true, null);
        }
        String w = words.strip().replaceAll("\\s+members?$", "").replaceAll("\\.$", "");
        if (w.matches("(?i)off|none|no|clear")) {
            return new Command.Quorum(false, null);
        }
        if (w.matches("\\d{1,2}") && Integer.parseInt(w) >= 1) {
            return new Command.Quorum(false, Integer.parseInt(w));
        }
        return new Command.Invalid("A quorum is a number of members from 1 to 99, or \"off\".", "quorum 5");
    }

    private static Command nextMeeting(String words, LocalDate today, boolean command) {
        Optional<DateFinding> date = BritishDates.find(words, today);
        if (date.isEmpty()) {
            return command ? new Command.Invalid("I could not find a date in \"" + words + "\".",
                    "next meeting 26/05/2026 10:00 at Police Headquarters") : null;
        }
        if (date.get().impossible()) {
            return impossibleDate(date.get(), "next meeting 26/05/2026 10:00 at Police Headquarters");
        }
        String rest = words.substring(date.get().end());
        LocalTime time = BritishDates.findTime(rest).orElse(null);
        String afterTime = rest.replaceFirst("(?i)^.*?\\b\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?", "");
        Matcher location = LOCATION.matcher(afterTime.strip());
        String where = location.find() && location.start() == 0 ? clean(location.group(1)) : null;
        if (where != null && where.toLowerCase(Locale.ROOT).startsWith("microsoft teams")) {
            where = "Via Microsoft Teams";
        }
        return new Command.NextMeeting(date.get().date(), time, where, !command);
    }

    private static Command startMeeting(String words, LocalDate today) {
        if (words == null || words.isBlank()) {
            return new Command.StartMeeting(null);
        }
        Optional<DateFinding> date = BritishDates.parseWhole(words, today);
        if (date.isEmpty()) {
            return new Command.Invalid("\"" + words.strip() + "\" is not a date I can read.",
                    "start meeting, or start meeting 26/05/2026");
        }
        return date.get().impossible() ? impossibleDate(date.get(), "start meeting 26/05/2026")
                : new Command.StartMeeting(date.get().date());
    }
}
