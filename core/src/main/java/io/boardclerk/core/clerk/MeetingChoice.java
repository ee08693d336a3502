package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.parse.MeetingWords;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of the board's meetings a member meant by the words they used: one meeting, a meeting not yet scheduled,
 * a question (when two readings are plausible, or none was named while a meeting is under way), or a refusal.
 */
sealed interface MeetingChoice {

    record Found(Meeting meeting) implements MeetingChoice {
    }

    /** Not scheduled yet: kept against the day or the month named. */
    record NotYetScheduled(MeetingWords.Named named) implements MeetingChoice {
        String describe() {
            return named.kind() == MeetingWords.Kind.DAY
                    ? "the meeting on " + BritishDates.formatLong(named.day())
                    : "the " + named.canonical() + " meeting";
        }
    }

    /** Ask which: the meetings that fit. */
    record Ask(String why, List<Meeting> candidates) implements MeetingChoice {
    }

    record Refused(String why) implements MeetingChoice {
    }

    /**
     * A meeting held (or under way) that {@code words} name, for questions about it and declarations made late:
     * "Thursday's meeting" or "the 11th" said after it mean the one just held, "the February Board" the last one.
     */
    static Optional<Meeting> held(Desk desk, String words) {
        if (words == null) {
            return Optional.empty();
        }
        LocalDate today = desk.today();
        Optional<MeetingWords.Named> named = MeetingWords.find(words, today);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        MeetingWords.Named n = named.get();
        List<Meeting> held = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.status() != MeetingStatus.SCHEDULED && !m.date().isAfter(today)).toList();
        java.util.function.Predicate<Meeting> meant = switch (n.kind()) {
            case DAY -> m -> m.date().equals(n.day()) || m.date().equals(n.day().minusWeeks(1))
                    || m.date().equals(n.day().minusMonths(1)) || m.date().equals(n.day().minusYears(1));
            case MONTH -> m -> YearMonth.from(m.date()).equals(n.month())
                    || YearMonth.from(m.date()).equals(n.month().minusYears(1));
            case TODAY -> m -> m.date().equals(today);
            case LAST -> m -> m.status() == MeetingStatus.CLOSED;
            default -> m -> false;
        };
        return held.stream().filter(meant).max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id));
    }

    /** For a question: the meeting {@code words} name, held or to come; empty when they name none clearly. */
    static Optional<Meeting> named(Desk desk, String words) {
        if (words == null || MeetingWords.find(words, desk.today()).isEmpty()) {
            return Optional.empty();
        }
        Optional<Meeting> held = held(desk, words);
        if (held.isPresent()) {
            return held;
        }
        return of(desk, words) instanceof Found found ? Optional.of(found.meeting())
                : Optional.empty();
    }

    /** The meeting {@code words} name on the desk's board, judged against the day they were said. */
    static MeetingChoice of(Desk desk, String words) {
        LocalDate today = desk.today();
        List<Meeting> meetings = desk.ledger().meetings(desk.board().id());
        Optional<Meeting> open = meetings.stream().filter(m -> m.status() == MeetingStatus.OPEN).findFirst();
        List<Meeting> ahead = meetings.stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED && !m.date().isBefore(today))
                .sorted(Comparator.comparing(Meeting::date)).toList();
        Optional<MeetingWords.Named> named = words == null ? Optional.empty() : MeetingWords.find(words, today);
        if (named.isEmpty()) {
            if (open.isPresent()) {
                List<Meeting> both = ahead.isEmpty() ? List.of(open.get()) : List.of(open.get(), ahead.get(0));
                return new Ask("A meeting is under way", both);
            }
            return ahead.isEmpty() ? new Refused("No meeting of the board is scheduled yet.")
                    : new Found(ahead.get(0));
        }
        MeetingWords.Named n = named.get();
        return switch (n.kind()) {
            case TODAY -> open.<MeetingChoice>map(Found::new).orElseGet(() -> ahead.stream()
                    .filter(m -> m.date().equals(today)).findFirst().<MeetingChoice>map(Found::new)
                    .orElseGet(() -> new Refused("No meeting of the board is under way or scheduled today.")));
            case NEXT -> ahead.stream().filter(m -> m.date().isAfter(today) || open.isEmpty()).findFirst()
                    .<MeetingChoice>map(Found::new)
                    .orElseGet(() -> new Refused("The board's next meeting is not scheduled yet: name its date."));
            case LAST -> new Refused("The last meeting has been held; apologies go on a meeting still to come.");
            case AFTER_NEXT -> {
                List<Meeting> later = ahead.stream().filter(m -> m.date().isAfter(today) || open.isEmpty()).toList();
                yield later.size() >= 2 ? new Found(later.get(1))
                        : new Refused("The meeting after next is not scheduled yet: name its date.");
            }
            case SPAN -> {
                List<Meeting> within = ahead.stream().filter(m -> !m.date().isBefore(n.day())
                        && !m.date().isAfter(n.until())).toList();
                yield within.size() == 1 ? new Found(within.get(0)) : within.isEmpty()
                        ? new Refused("No meeting of the board is scheduled from " + BritishDates.formatLong(n.day())
                        + " to " + BritishDates.formatLong(n.until()) + ".")
                        : new Ask("The board meets more than once then", within);
            }
            case DAY -> day(n, open, ahead, meetings, today);
            case MONTH -> month(n, open, ahead);
        };
    }

    private static MeetingChoice day(MeetingWords.Named n, Optional<Meeting> open, List<Meeting> ahead,
                                     List<Meeting> meetings, LocalDate today) {
        if (open.isPresent() && open.get().date().equals(n.day())) {
            return new Found(open.get());
        }
        Optional<Meeting> on = ahead.stream().filter(m -> m.date().equals(n.day())).findFirst();
        if (on.isPresent()) {
            return new Found(on.get());
        }
        if (n.day().isBefore(today) || meetings.stream().anyMatch(m -> m.date().equals(n.day())
                && m.status() == MeetingStatus.CLOSED)) {
            return new Refused("The meeting of " + BritishDates.formatLong(n.day()) + " has been held.");
        }
        List<Meeting> near = ahead.stream().filter(m -> Math.abs(m.date().toEpochDay() - n.day().toEpochDay()) <= 3)
                .toList();
        if (!near.isEmpty()) {
            // "the 14th April meeting" when the board meets on the 15th: a slip, or another meeting? Asked.
            return new Ask("No meeting is scheduled on " + BritishDates.formatLong(n.day()) + ", but one is close",
                    near);
        }
        return new NotYetScheduled(n);
    }

    private static MeetingChoice month(MeetingWords.Named n, Optional<Meeting> open, List<Meeting> ahead) {
        YearMonth month = n.month();
        List<Meeting> in = new ArrayList<>();
        open.filter(m -> YearMonth.from(m.date()).equals(month)).ifPresent(in::add);
        ahead.stream().filter(m -> YearMonth.from(m.date()).equals(month)).forEach(in::add);
        if (in.size() == 1) {
            return new Found(in.get(0));
        }
        if (in.size() > 1) {
            return new Ask("The board meets more than once in " + n.canonical(), in);
        }
        return new NotYetScheduled(n);
    }
}
