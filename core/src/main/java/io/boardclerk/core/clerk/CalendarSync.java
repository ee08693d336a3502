package io.boardclerk.core.clerk;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.reminder.ReminderPlanning;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.CalendarFollow;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.CalendarSource;
import io.boardclerk.core.port.CalendarSource.Occurrence;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.roster.RosterMatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Keeps a board's schedule in step with the meeting series in its organiser's Outlook calendar
 * ({@code calendar <organiser>}): each occurrence of the next twelve months becomes a scheduled meeting, keyed by the
 * event's id, so a re-sync updates rather than duplicates. A moved occurrence moves its meeting (and the action
 * targets on it, as {@code move meeting} does); a cancelled one, or one gone from the series, leaves the schedule:
 * removed when nothing was recorded at it, otherwise kept but marked cancelled, and the targets on it wait for the
 * next meeting. Meetings already opened or held, and those dated before today, are never changed.
 *
 * <p>The calendar is read outside any transaction; what it said is applied in one short transaction afterwards, so a
 * slow Graph holds nobody up, and a read that fails (or finds nothing of the series) changes nothing but the note of
 * the problem.
 */
public final class CalendarSync {

    /** How often a followed calendar is read by itself. */
    public static final Duration EVERY = Duration.ofHours(6);
    /** A read that failed is tried again this much later. */
    public static final Duration RETRY = Duration.ofHours(1);
    /** How long a run holds the calendars it took: longer than reading one and applying it takes. */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** How far ahead the calendar is read. */
    public static final int MONTHS_AHEAD = 12;
    static final String TEAMS = "Via Microsoft Teams";

    /** Posts Markdown into a board's chat; false when it could not. */
    public interface ChatPoster extends BiPredicate<Board, String> {
    }

    /**
     * How a read went.
     *
     * @param summary one paragraph for whoever asked (the changes included)
     * @param changes the lines the board's chat is told when the schedule changed by itself; empty for none
     */
    public record Outcome(boolean ok, String summary, List<String> changes) {
    }

    private final LedgerStore store;
    private final CalendarSource source;
    private final ChatPoster poster;
    private final Clock clock;
    private final ZoneId zone;

    public CalendarSync(LedgerStore store, CalendarSource source, ChatPoster poster, Clock clock, ZoneId zone) {
        this.store = store;
        this.source = source;
        this.poster = poster;
        this.clock = clock;
        this.zone = zone;
    }

    /** Reads every followed calendar whose time has come, telling each board's chat what changed. */
    public synchronized int runDue() {
        Instant now = clock.instant();
        List<CalendarFollow> due = store.inTransaction(ledger -> ledger.claimDueCalendarFollows(now,
                now.plus(LEASE)));
        for (CalendarFollow follow : due) {
            Outcome outcome;
            try {
                outcome = sync(follow.boardId());
            } catch (RuntimeException e) {
                // One board's surprise must not hold up the others; the next try comes after RETRY.
                noteProblem(follow.boardId(), "Something went wrong on BoardClerk's side (" + e.getClass()
                        .getSimpleName() + ").");
                continue;
            }
            if (!outcome.changes().isEmpty()) {
                store.read(ledger -> ledger.board(follow.boardId()))
                        .ifPresent(board -> poster.test(board, String.join("\n", outcome.changes())));
            }
        }
        return due.size();
    }

    /** Reads the board's calendar now and applies it; the outcome is for the person who asked. */
    public synchronized Outcome sync(long boardId) {
        Optional<Context> context = store.read(ledger -> ledger.board(boardId)
                .flatMap(board -> ledger.calendarFollow(boardId).map(follow -> new Context(board, follow,
                        joinUrls(ledger, boardId)))));
        if (context.isEmpty()) {
            return new Outcome(false, "This board follows no calendar. Say " + Md.code(CalendarHandler.HOW)
                    + " to follow one.", List.of());
        }
        Board board = context.get().board();
        CalendarFollow follow = context.get().follow();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusMonths(MONTHS_AHEAD).atStartOfDay(zone).toInstant();
        CalendarSource.Answer answer = source.read(board.tenantId(), follow.organiser(), from, to);
        String whose = Md.esc(follow.organiser()) + "'s calendar";
        if (!(answer instanceof CalendarSource.Answer.Obtained obtained)) {
            String problem = problem(answer);
            noteProblem(boardId, problem);
            return new Outcome(false, "I could not read " + whose + ", so the schedule is unchanged: "
                    + Md.esc(problem), List.of());
        }
        SeriesMatch match = SeriesMatch.of(obtained.occurrences(), follow.series(), board.name(),
                context.get().joinUrls());
        if (!match.found()) {
            String wanted = follow.series() != null ? follow.series() : board.name();
            String problem = match.series() > 1 ? match.series() + " meeting series have exactly the subject \""
                    + wanted + "\"." : "no meeting in the next " + MONTHS_AHEAD + " months has the subject \""
                    + wanted + "\" exactly" + (match.nearMisses().isEmpty() ? "." : " (near: \""
                    + String.join("\", \"", match.nearMisses()) + "\").");
            noteProblem(boardId, problem);
            return new Outcome(false, "I read " + whose + " but " + Md.esc(problem) + " The schedule is unchanged; "
                    + "name the series with " + Md.code("calendar " + follow.organiser() + " series \"<subject>\"")
                    + ".", List.of());
        }
        List<Occurrence> series = match.occurrences();
        // Meetings added, moved or cancelled, and the targets that followed them: their reminders and digests change
        // in the same transaction, as they do when the same is typed.
        Applied applied = ReminderPlanning.inTransaction(store, now, ledger -> apply(ledger, board, series, now, to));
        String summary = "Read " + whose + ": " + applied.upcoming() + " meeting" + (applied.upcoming() == 1 ? "" : "s")
                + " of " + Md.esc(board.name()) + " in the next " + MONTHS_AHEAD + " months"
                + (applied.next() == null ? "" : ", the next on " + BritishDates.formatLong(applied.next())) + "; "
                + applied.added() + " new, " + applied.moved() + " moved, " + applied.cancelled() + " cancelled.";
        List<String> changes = applied.lines();
        return new Outcome(true, changes.isEmpty() ? summary : summary + "\n" + String.join("\n", changes), changes);
    }

    private void noteProblem(long boardId, String problem) {
        Instant now = clock.instant();
        store.inTransaction(ledger -> {
            if (ledger.calendarFollow(boardId).isPresent()) {
                ledger.calendarSynced(boardId, now.plus(RETRY), now, problem);
            }
            return null;
        });
    }

    static String problem(CalendarSource.Answer answer) {
        if (answer instanceof CalendarSource.Answer.NotFound notFound) {
            return notFound.problem();
        }
        if (answer instanceof CalendarSource.Answer.Refused refused) {
            return refused.problem();
        }
        return ((CalendarSource.Answer.Failed) answer).problem();
    }

    private record Context(Board board, CalendarFollow follow, Set<String> joinUrls) {
    }

    /** The join links of the board's Teams meetings seen so far (from their attendance fetches). */
    static Set<String> joinUrls(Ledger ledger, long boardId) {
        Set<String> urls = new HashSet<>();
        for (Meeting meeting : ledger.meetings(boardId)) {
            ledger.attendanceFetch(meeting.id()).map(io.boardclerk.core.model.AttendanceFetch::joinUrl)
                    .filter(url -> !url.isBlank()).ifPresent(urls::add);
        }
        return urls;
    }

    private record Applied(int upcoming, LocalDate next, int added, int moved, int cancelled, List<String> lines) {
    }

    private record Moved(LocalDate from, LocalDate to) {
    }

    /** Applies the series to the board's schedule, in the caller's transaction. */
    private Applied apply(Ledger ledger, Board board, List<Occurrence> series, Instant now, Instant to) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate until = to.atZone(zone).toLocalDate();
        // Audited as the meeting events are ("via meeting"), by "Outlook calendar": the history says who moved it.
        Desk desk = new Desk(ledger, board, null, new RosterMatcher(ledger.people(board.id()), List.of()),
                new Source(null, null, "Outlook calendar", "(calendar sync)", now), zone);
        Map<Long, LocalDate> targetsBefore = ledger.actions(board.id()).stream()
                .filter(a -> a.target().date() != null)
                .collect(Collectors.toMap(ActionItem::id, a -> a.target().date()));
        Map<String, Long> linked = new HashMap<>(ledger.calendarMeetings(board.id()));
        Map<Long, Meeting> schedule = new HashMap<>();
        for (Meeting m : ledger.meetings(board.id())) {
            schedule.put(m.id(), m);
        }
        List<Moved> moves = new ArrayList<>();
        List<LocalDate> cancellations = new ArrayList<>();
        int added = 0;
        Set<String> seen = new HashSet<>();
        for (Occurrence o : series) {
            seen.add(o.eventId());
            ZonedDateTime start = o.start().atZone(zone);
            LocalDate date = start.toLocalDate();
            LocalTime time = start.toLocalTime().withSecond(0).withNano(0);
            String location = location(o);
            Long meetingId = linked.get(o.eventId());
            Meeting meeting = meetingId == null ? null : schedule.get(meetingId);
            if (meetingId != null && (meeting == null || !changeable(meeting, today))) {
                continue;   // held, opened, in the past, or already cancelled: never changed
            }
            if (o.cancelled()) {
                if (meeting != null) {
                    ledger.cancelMeeting(meeting.id(), now);
                    cancellations.add(meeting.date());
                }
                continue;
            }
            if (date.isBefore(today)) {
                continue;
            }
            if (meeting == null) {
                Optional<Meeting> typed = schedule.values().stream()
                        .filter(m -> m.date().equals(date) && m.status() == MeetingStatus.SCHEDULED
                                && !linked.containsValue(m.id()))
                        .findFirst();
                if (typed.isPresent()) {
                    // Scheduled by hand with "next meeting" before the calendar was followed: it is this occurrence.
                    ledger.rescheduleMeeting(typed.get().id(), date, time, location);
                    ledger.linkCalendarEvent(board.id(), o.eventId(), typed.get().id());
                    linked.put(o.eventId(), typed.get().id());
                } else {
                    Meeting made = ledger.scheduleMeeting(board.id(), date, time, location, null);
                    ledger.linkCalendarEvent(board.id(), o.eventId(), made.id());
                    linked.put(o.eventId(), made.id());
                    added++;
                }
                continue;
            }
            if (!date.equals(meeting.date()) || !Objects.equals(time, meeting.time())
                    || (location != null && !location.equals(meeting.location()))) {
                ledger.rescheduleMeeting(meeting.id(), date, time, location);
                if (!date.equals(meeting.date())) {
                    moves.add(new Moved(meeting.date(), date));
                }
            }
        }
        for (Map.Entry<String, Long> link : linked.entrySet()) {
            Meeting meeting = schedule.get(link.getValue());
            if (seen.contains(link.getKey()) || meeting == null || !changeable(meeting, today)
                    || !meeting.date().isBefore(until)) {
                continue;
            }
            // Gone from the series inside the window read: the organiser cancelled (deleted) the occurrence.
            ledger.cancelMeeting(meeting.id(), now);
            cancellations.add(meeting.date());
        }
        ActionsHandler.followSchedule(desk);
        AwaitedApologies.attach(desk);
        Map<Long, ActionItem> after = ledger.actions(board.id()).stream()
                .collect(Collectors.toMap(ActionItem::id, a -> a));
        List<String> lines = new ArrayList<>();
        for (Moved move : moves) {
            List<ActionItem> following = followers(targetsBefore, after, move.from());
            lines.add("The Board of " + BritishDates.format(move.from()) + " moved to " + BritishDates.format(move.to())
                    + (following.isEmpty() ? "." : "; " + numbers(following) + (following.size() == 1 ? " follows"
                    : " follow") + " it."));
        }
        for (LocalDate date : cancellations) {
            List<ActionItem> following = followers(targetsBefore, after, date);
            StringBuilder line = new StringBuilder("The Board of " + BritishDates.format(date)
                    + " was cancelled in the calendar");
            if (!following.isEmpty()) {
                Map<LocalDate, List<ActionItem>> byNew = new TreeMap<>(java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder()));
                following.forEach(a -> byNew.computeIfAbsent(a.target().date(), d -> new ArrayList<>()).add(a));
                List<String> parts = new ArrayList<>();
                byNew.forEach((d, actions) -> parts.add(numbers(actions) + (d == null
                        ? " now wait" + (actions.size() == 1 ? "s" : "") + " for the next Board to be scheduled"
                        : " now fall" + (actions.size() == 1 ? "s" : "") + " on the next Board, "
                        + BritishDates.format(d))));
                line.append("; ").append(String.join("; ", parts));
            }
            lines.add(line.append('.').toString());
        }
        Set<Long> synced = new HashSet<>(ledger.calendarMeetings(board.id()).values());
        List<Meeting> upcoming = ledger.meetings(board.id()).stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED && !m.date().isBefore(today))
                .filter(m -> synced.contains(m.id()))
                .toList();
        ledger.calendarSynced(board.id(), now.plus(EVERY), now, null);
        return new Applied(upcoming.size(), upcoming.isEmpty() ? null : upcoming.get(0).date(), added, moves.size(),
                cancellations.size(), lines);
    }

    /** Only meetings still to come and not yet opened follow the calendar. */
    private static boolean changeable(Meeting meeting, LocalDate today) {
        return meeting.status() == MeetingStatus.SCHEDULED && !meeting.date().isBefore(today);
    }

    /** The open actions whose target was on {@code date} and has moved off it. */
    private static List<ActionItem> followers(Map<Long, LocalDate> before, Map<Long, ActionItem> after,
                                              LocalDate date) {
        return before.entrySet().stream()
                .filter(e -> e.getValue().equals(date))
                .map(e -> after.get(e.getKey()))
                .filter(a -> a != null && !date.equals(a.target().date()))
                .sorted(java.util.Comparator.comparingInt(ActionItem::number))
                .toList();
    }

    private static String numbers(List<ActionItem> actions) {
        List<String> n = actions.stream().map(ActionItem::displayNumber).toList();
        String joined = n.size() == 1 ? n.get(0)
                : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
        return (n.size() == 1 ? "action " : "actions ") + joined;
    }

    /** The room, or "Via Microsoft Teams" for an online meeting with no room (Outlook's own placeholder included). */
    static String location(Occurrence o) {
        String place = o.location() == null ? "" : o.location().strip();
        if (place.isEmpty() || place.equalsIgnoreCase("Microsoft Teams Meeting")
                || place.equalsIgnoreCase("Microsoft Teams-Besprechung")) {
            return o.joinUrl() != null && !o.joinUrl().isBlank() ? TEAMS : null;
        }
        return place.length() > 200 ? place.substring(0, 200) : place;
    }
}
