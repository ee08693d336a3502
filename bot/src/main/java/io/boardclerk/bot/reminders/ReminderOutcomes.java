package io.boardclerk.bot.reminders;

/** Told how each reminder delivery the sweep handled ended up, for the metrics. No ids, no text. */
@FunctionalInterface
public interface ReminderOutcomes {

    /** The state a delivery was left in by a sweep. */
    enum Outcome {
        SENT, MAILED, UNDELIVERABLE, DEAD, RETRY, WAITING, IN_DOUBT
    }

    void delivered(Outcome outcome, int count);

    ReminderOutcomes NONE = (outcome, count) -> { };
}
