package io.boardclerk.storage.corpus;

/**
 * What one {@code = } line of the corpus expects. The outcome kinds ({@link Nothing}, {@link Asked},
 * {@link Answer}) stand alone; the record kinds may come several to a message.
 */
sealed interface Expectation {

    /** How the expectation is written in the corpus, for the failure report. */
    String written();

    /** Nothing recorded; silence unless addressed, then a short reply that asks nothing. */
    record Nothing(String written) implements Expectation {
    }

    /** Nothing recorded; the reply asks (carries a question card). */
    record Asked(String written) implements Expectation {
    }

    /** A question answered: nothing recorded, the reply holds {@code words}. */
    record Answer(String written, String words) implements Expectation {
    }

    /** An apology on the meeting of {@code date}. */
    record Apology(String written, String name, String date, String note) implements Expectation {
    }

    /** An apology kept against a meeting not yet scheduled: a day ({@code YYYY-MM-DD}) or a month ({@code YYYY-MM}). */
    record AwaitedApology(String written, String name, String when, String note) implements Expectation {
    }

    /** A declaration; {@code kind} as stored (PERSONAL ... NOT_STATED); {@code date} null for the world's meeting. */
    record Declaration(String written, String name, String item, String kind, String words, String date)
            implements Expectation {
    }

    /** An explicit "no declarations"; {@code date} null for the world's meeting. */
    record NoDeclarations(String written, String date) implements Expectation {
    }

    record Update(String written, int number, String words) implements Expectation {
    }

    record Done(String written, int number) implements Expectation {
    }

    /** A proposal of a new target for the chair: the target itself does not move. */
    record MoreTime(String written, int number, String words) implements Expectation {
    }

    /**
     * A new action; {@code target} null when the corpus does not say; {@code raised} the date of the meeting that
     * raised it, null when the corpus does not say.
     */
    record NewAction(String written, String words, String owner, String target, String raised)
            implements Expectation {
    }

    record NextMeeting(String written, String date) implements Expectation {
    }

    record Role(String written, String name, String words) implements Expectation {
    }

    default boolean isRecord() {
        return !(this instanceof Nothing || this instanceof Asked || this instanceof Answer);
    }
}
