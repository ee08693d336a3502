package io.boardclerk.core.reminder;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out which reminders the record calls for, from the actions, meetings and policy alone (no storage, no
 * clock): the same inputs always give the same reminders, which is what lets a replan after any change cancel what
 * is no longer wanted and add what is, without ever planning one twice.
 *
 * <p>Nothing is planned in the past. Only the next overdue reminder is planned; when it is sent the following one is.
 */
public final class ReminderPlanner {

    private ReminderPlanner() {
    }

    /**
     * The per-action reminders for one action: before, on the day, and the next overdue one. None for actions that
     * are not open (on-going, reported done, closed) or have no target date. An action due on a day the board meets
     * gets the meeting's digest instead of its before and on-the-day reminders (while the digest is on).
     */
    public static List<PlannedReminder> forAction(ActionItem action, Collection<Meeting> meetings,
                                                  ReminderPolicy policy, Instant now) {
        LocalDate target = action.target() == null ? null : action.target().date();
        if (action.status() != ActionStatus.OPEN || target == null) {
            return List.of();
        }
        String subject = PlannedReminder.actionSubject(action.id());
        List<PlannedReminder> wanted = new ArrayList<>();
        boolean meetingTarget = policy.digestWorkingDays() > 0 && meetingDates(meetings).contains(target);
        if (!meetingTarget) {
            for (int days : policy.daysBefore()) {
                Instant at = WorkingCalendar.at(target.minusDays(days), WorkingCalendar.OPENS, policy.zone());
                if (!at.isBefore(now)) {
                    wanted.add(new PlannedReminder(action.boardId(), days == 0 ? ReminderKind.DUE : ReminderKind.BEFORE,
                            subject, action.id(), null, null, at));
                }
            }
        }
        nextOverdue(target, policy, now).ifPresent(at -> wanted.add(new PlannedReminder(action.boardId(),
                ReminderKind.OVERDUE, subject, action.id(), null, null, at)));
        return wanted;
    }

    /** The first overdue reminder (target + k × interval days, k ≥ 1, 08:00 then the window) not before now. */
    public static Optional<Instant> nextOverdue(LocalDate target, ReminderPolicy policy, Instant now) {
        int every = policy.overdueEveryDays();
        if (every <= 0) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(policy.zone()).toLocalDate();
        long behind = ChronoUnit.DAYS.between(target, today);
        long k = Math.max(1, behind / every);
        while (true) {
            Instant at = WorkingCalendar.at(target.plusDays(k * every), WorkingCalendar.OPENS, policy.zone());
            if (!at.isBefore(now)) {
                return Optional.of(at);
            }
            k++;
        }
    }

    /** The digest of a scheduled meeting: some working days before it, at 08:00 then the window; none in the past. */
    public static Optional<PlannedReminder> forMeeting(Meeting meeting, ReminderPolicy policy, Instant now) {
        if (policy.digestWorkingDays() <= 0 || meeting.status() != MeetingStatus.SCHEDULED) {
            return Optional.empty();
        }
        LocalDate day = WorkingCalendar.plusWorkingDays(meeting.date(), -policy.digestWorkingDays());
        Instant at = WorkingCalendar.at(day, WorkingCalendar.OPENS, policy.zone());
        if (at.isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(new PlannedReminder(meeting.boardId(), ReminderKind.DIGEST,
                PlannedReminder.meetingSubject(meeting.id()), null, meeting.id(), null, at));
    }

    /**
     * True for a meeting still to come whose usual digest (some working days before it) is already in the past: the
     * only meetings a late digest is looked for, so held and past ones cost a board's replan nothing more.
     */
    public static boolean usualDigestPassed(Meeting meeting, ReminderPolicy policy, Instant now) {
        if (policy.digestWorkingDays() <= 0 || meeting.status() != MeetingStatus.SCHEDULED
                || meeting.date().isBefore(now.atZone(policy.zone()).toLocalDate())) {
            return false;
        }
        LocalDate day = WorkingCalendar.plusWorkingDays(meeting.date(), -policy.digestWorkingDays());
        return WorkingCalendar.at(day, WorkingCalendar.OPENS, policy.zone()).isBefore(now);
    }

    /**
     * The digest of a meeting scheduled (or moved) too late for its usual one: the window's next opening at 08:00, or the
     * first moment the window is open if that day is after the meeting; none when even that would be after the
     * meeting began, or the meeting has passed. Owners of actions due at it would otherwise hear nothing: their own
     * before and on-the-day reminders give way to the digest.
     */
    public static Optional<PlannedReminder> lateDigest(Meeting meeting, ReminderPolicy policy, Instant now) {
        if (policy.digestWorkingDays() <= 0 || meeting.status() != MeetingStatus.SCHEDULED) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(policy.zone()).toLocalDate();
        if (meeting.date().isBefore(today)) {
            return Optional.empty();
        }
        LocalDate first = WorkingCalendar.isWorkingDay(today)
                && now.isBefore(WorkingCalendar.opening(today, policy.zone())) ? today
                : WorkingCalendar.nextWorkingDay(today);
        Instant at = WorkingCalendar.opening(first, policy.zone());
        if (first.isAfter(meeting.date())) {
            at = WorkingCalendar.windowFrom(now, policy.zone());
        }
        LocalDate day = at.atZone(policy.zone()).toLocalDate();
        boolean afterStart = meeting.time() != null
                && !at.isBefore(ZonedDateTime.of(meeting.date(), meeting.time(), policy.zone()).toInstant());
        if (day.isAfter(meeting.date()) || afterStart) {
            return Optional.empty();
        }
        return Optional.of(new PlannedReminder(meeting.boardId(), ReminderKind.DIGEST,
                PlannedReminder.meetingSubject(meeting.id()), null, meeting.id(), null, at));
    }

    /** The board's next weekly escalation: Monday 08:00 (the next working day if Monday is a bank holiday). */
    public static Optional<PlannedReminder> escalation(long boardId, ReminderPolicy policy, Instant now) {
        if (policy.escalateAfterDays() <= 0) {
            return Optional.empty();
        }
        LocalDate monday = now.atZone(policy.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY));
        while (true) {
            Instant at = WorkingCalendar.at(monday, WorkingCalendar.OPENS, policy.zone());
            if (!at.isBefore(now)) {
                return Optional.of(new PlannedReminder(boardId, ReminderKind.ESCALATION,
                        PlannedReminder.boardSubject(boardId), null, null, null, at));
            }
            monday = monday.plusWeeks(1);
        }
    }

    /** A snooze: the action again, to the presser alone, some working days from now at 08:00. */
    public static PlannedReminder snooze(ActionItem action, long personId, int workingDays, ReminderPolicy policy,
                                         Instant now) {
        LocalDate day = WorkingCalendar.plusWorkingDays(now.atZone(policy.zone()).toLocalDate(), workingDays);
        Instant at = WorkingCalendar.at(day, WorkingCalendar.OPENS, policy.zone());
        return new PlannedReminder(action.boardId(), ReminderKind.SNOOZE,
                PlannedReminder.snoozeSubject(action.id(), personId), action.id(), null, personId, at);
    }

    /** True when the action is overdue by more than the policy's days and nobody has updated it since its target. */
    public static boolean escalates(ActionItem action, ReminderPolicy policy, LocalDate today) {
        LocalDate target = action.target() == null ? null : action.target().date();
        if (action.status() != ActionStatus.OPEN || target == null || policy.escalateAfterDays() <= 0) {
            return false;
        }
        if (ChronoUnit.DAYS.between(target, today) <= policy.escalateAfterDays()) {
            return false;
        }
        return action.updates().stream().noneMatch(u -> u.date() != null && !u.date().isBefore(target));
    }

    static Set<LocalDate> meetingDates(Collection<Meeting> meetings) {
        return meetings.stream().filter(m -> m.status() == MeetingStatus.SCHEDULED).map(Meeting::date)
                .collect(Collectors.toSet());
    }
}
