package io.boardclerk.core.reminder;

/** What a reminder is for. */
public enum ReminderKind {
    /** Some days before an action's target (the policy's days, default 7). */
    BEFORE,
    /** On the target day. */
    DUE,
    /** Every week (the policy's interval) while the action is overdue. */
    OVERDUE,
    /** Some working days before a board meeting: one message per owner listing their actions due at it. */
    DIGEST,
    /** The chair's digest of actions overdue by more than the policy's days with no update. */
    ESCALATION,
    /** An owner pressed Snooze on a reminder: the same action again, to them alone, later. */
    SNOOZE
}
