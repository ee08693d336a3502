package io.boardclerk.core.clerk;

import java.util.Optional;

/** An action the bot could not record until someone says who owns it. */
record PendingAction(String text, String target, String item) {

    private static final String SEP = "\u001F";
    /** Marks a field with no value. Not NUL, which PostgreSQL's text cannot hold. */
    private static final String NULL = "\u001E";
    /** How a missing field was marked before: payloads saved then may still be waiting for their answer. */
    private static final String OLD_NULL = "\u0000";

    String encode() {
        return "action" + SEP + field(text) + SEP + field(target) + SEP + field(item);
    }

    static Optional<PendingAction> decode(String payload) {
        String[] parts = payload.split(SEP, -1);
        if (parts.length != 4 || !parts[0].equals("action")) {
            return Optional.empty();
        }
        return Optional.of(new PendingAction(value(parts[1]), value(parts[2]), value(parts[3])));
    }

    private static String field(String s) {
        return s == null ? NULL : s.replace(SEP, " ").replace(NULL, " ");
    }

    private static String value(String s) {
        return NULL.equals(s) || OLD_NULL.equals(s) ? null : s;
    }
}
