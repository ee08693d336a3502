package io.boardclerk.core.clerk;

import java.util.Optional;

/** An action the bot could not record until someone says who owns it. */
record PendingAction(String text, String target, String item) {

    private static final String SEP = "\u001F";
    private static final String NULL = "\u0000";

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
        return s == null ? NULL : s.replace(SEP, " ");
    }

    private static String value(String s) {
        return NULL.equals(s) ? null : s;
    }
}
