package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.CalendarSource;
import io.boardclerk.core.port.CalendarSource.Occurrence;
import io.boardclerk.core.port.LedgerStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code calendar <organiser> [series "<subject>"]}: finds the series in the organiser's calendar, exactly
 * ({@link SeriesMatch}), and shows what it found (subject, organiser, the next dates) with a card whose "Follow this
 * series" an officer presses to follow it ({@code calendar follow ...}); "Cancel" drops it. A series not found
 * exactly, or found twice, is not offered: the reply says what was found and how to name it. Nothing is stored here;
 * the calendar is read outside any transaction.
 */
public final class CalendarSeriesFinder {

    /** How many of the next dates the confirmation shows. */
    static final int DATES_SHOWN = 4;

    private final LedgerStore store;
    private final CalendarSource source;
    private final Clock clock;
    private final ZoneId zone;

    public CalendarSeriesFinder(LedgerStore store, CalendarSource source, Clock clock, ZoneId zone) {
        this.store = store;
        this.source = source;
        this.clock = clock;
        this.zone = zone;
    }

    /** What was found, with the confirmation card when the series was found exactly. */
    public Reply find(Effect.FindCalendarSeries find) {
        Optional<Board> found = store.read(ledger -> ledger.board(find.boardId()));
        if (found.isEmpty()) {
            return new Reply("That board no longer exists; nothing was followed.");
        }
        Board board = found.get();
        Set<String> joinUrls = store.read(ledger -> CalendarSync.joinUrls(ledger, board.id()));
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusMonths(CalendarSync.MONTHS_AHEAD).atStartOfDay(zone).toInstant();
        CalendarSource.Answer answer = source.read(board.tenantId(), find.organiser(), from, to);
        String whose = Md.esc(find.organiser()) + "'s calendar";
        if (!(answer instanceof CalendarSource.Answer.Obtained obtained)) {
            return new Reply("I could not read " + whose + ", so nothing is followed: " + Md.esc(CalendarSync.problem(answer)));
        }
        String wanted = find.series() != null ? find.series() : board.name();
        SeriesMatch match = SeriesMatch.of(obtained.occurrences(), find.series(), board.name(), joinUrls);
        String how = Md.code("calendar " + find.organiser() + " series \"<subject>\"");
        if (match.series() > 1) {
            return new Reply(match.series() + " meeting series in " + whose + " have exactly the subject \""
                    + Md.esc(wanted) + "\", so none is followed. Give the board's series a subject of its own in "
                    + "Outlook, then say " + how + ".");
        }
        List<LocalDate> dates = match.occurrences().stream().filter(o -> !o.cancelled())
                .map(Occurrence::start).filter(start -> !start.isBefore(from)).sorted()
                .map(start -> start.atZone(zone).toLocalDate()).distinct().toList();
        if (!match.found() || dates.isEmpty()) {
            return new Reply("No meeting series in the next " + CalendarSync.MONTHS_AHEAD + " months of " + whose
                    + " has exactly the subject \"" + Md.esc(wanted) + "\", so nothing is followed."
                    + (match.nearMisses().isEmpty() ? "" : " Subjects that contain it: "
                    + String.join(", ", match.nearMisses().stream().map(s -> "\"" + Md.esc(s) + "\"").toList())
                    + ".") + " Name the series by its whole subject: " + how + ".");
        }
        String subject = match.subject() != null && !match.subject().isBlank() ? match.subject() : wanted;
        List<String> next = dates.stream().limit(DATES_SHOWN).map(BritishDates::formatLong).toList();
        String time = match.occurrences().stream().filter(o -> !o.cancelled() && !o.start().isBefore(from))
                .map(o -> o.start().atZone(zone)).min(ZonedDateTime::compareTo)
                .map(start -> " at " + start.toLocalTime().withSecond(0).withNano(0)).orElse("");
        String text = "Found the series \"" + subject + "\" organised by " + find.organiser() + ": "
                + dates.size() + " meeting" + (dates.size() == 1 ? "" : "s") + " in the next "
                + CalendarSync.MONTHS_AHEAD + " months, the next on " + String.join(", ", next)
                + (dates.size() > DATES_SHOWN ? ", …" : "") + " (the first" + time + "). Follow it?";
        String say = "calendar follow " + find.organiser() + " series \"" + subject + "\"";
        Card.Question question = new Card.Question(board.id(), text, List.of(
                new Card.Question.Choice("Follow this series", say), new Card.Question.Choice("Cancel", "")));
        return new Reply("Found the series \"" + Md.esc(subject) + "\" in " + whose + ". The chair or secretary "
                + "presses **Follow this series** to follow it; nothing changes until then.", List.of(question));
    }
}
