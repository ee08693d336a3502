package io.boardclerk.core.reminder;

import java.time.Instant;

/** A reminder as kept: planned, then expanded into deliveries, cancelled or skipped. */
public record StoredReminder(long id, long boardId, ReminderKind kind, String subject, Long actionId, Long meetingId,
                             Long personId, Instant dueAt, String state, String note) {

    public static final String PENDING = "PENDING";
    public static final String EXPANDED = "EXPANDED";
    public static final String CANCELLED = "CANCELLED";
    public static final String SKIPPED = "SKIPPED";

    /** True when it is the same reminder as a planned one (same kind and instant; the subject is asked for). */
    public boolean same(PlannedReminder planned) {
        return kind == planned.kind() && dueAt.equals(planned.dueAt()) && subject.equals(planned.subject());
    }
}
