package io.boardclerk.core.parse;


import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** What an action's target means, parsed from its words. */
public sealed interface TargetSpec {

    /** The date the target falls on, given when the action was raised and the board's meeting dates. */
    Optional<LocalDate> resolve(LocalDate raisedOn, Collection<LocalDate> meetingDates);

    /** True when the target follows the board's schedule (it names a meeting). */
    default boolean followsSchedule() {
        return false;
    }

    /** True when the target comes round again (recurring meetings): it resolves from today, not from raising. */
    default boolean recurs() {
        return false;
    }

    record OnDate(LocalDate date) implements TargetSpec {
        @Override
        public Optional<LocalDate> resolve(LocalDate raisedOn, Collection<LocalDate> meetingDates) {
            return Optional.of(date);
        }
    }

    /** "in 3 months": counted from the day the action was raised. */
    record Within(Period period) implements TargetSpec {
        @Override
        public Optional<LocalDate> resolve(LocalDate raisedOn, Collection<LocalDate> meetingDates) {
            return Optional.of(raisedOn.plus(period));
        }
    }

    /** "the next Board", optionally "in May": the first meeting after the one that raised it. */
    record NextMeeting(Month month) implements TargetSpec {
        @Override
        public Optional<LocalDate> resolve(LocalDate raisedOn, Collection<LocalDate> meetingDates) {
            return meetingDates.stream()
                    .filter(d -> d.isAfter(raisedOn))
                    .filter(d -> month == null || d.getMonth() == month)
                    .min(Comparator.naturalOrder());
        }

        @Override
        public boolean followsSchedule() {
            return true;
        }
    }

    /** "the May Board", "the July 2019 Board". */
    record MeetingIn(Month month, Integer year) implements TargetSpec {
        @Override
        public Optional<LocalDate> resolve(LocalDate raisedOn, Collection<LocalDate> meetingDates) {
            return meetingDates.stream()
                    .filter(d -> d.getMonth() == month)
                    .filter(d -> year == null ? d.isAfter(raisedOn) : d.getYear() == year)
                    .min(Comparator.naturalOrder());
        }

        @Override
        public boolean followsSchedule() {
            return true;
        }
    }

    /**
     * "August and February Boards": every meeting in those months. It falls on the next such meeting after
     * {@code from}; the clerk passes today, so once one is held the target moves on to the next.
     */
    record Recurring(Set<Month> months) implements TargetSpec {
        public Recurring {
            months = Set.copyOf(months);
        }

        @Override
        public Optional<LocalDate> resolve(LocalDate from, Collection<LocalDate> meetingDates) {
            return meetingDates.stream()
                    .filter(d -> !d.isBefore(from))
                    .filter(d -> months.contains(d.getMonth()))
                    .min(Comparator.naturalOrder());
        }

        @Override
        public boolean followsSchedule() {
            return true;
        }

        @Override
        public boolean recurs() {
            return true;
        }
    }

    /** "on-going": no date, reviewed at every meeting. */
    record Ongoing() implements TargetSpec {
        @Override
        public Optional<LocalDate> resolve(LocalDate raisedOn, Collection<LocalDate> meetingDates) {
            return Optional.empty();
        }
    }
}
