package io.boardclerk.bot;

/**
 * Text from outside, made safe for one log line: control characters (line breaks included, so nobody can forge a
 * log line) and anything outside printable ASCII are written as escapes, and it is cut to a length cap.
 */
public final class LogText {

    /** What an unauthenticated caller may put into one log field, at most. */
    public static final int MAX = 120;

    private LogText() {
    }

    public static String of(Object value) {
        return of(value, MAX);
    }

    public static String of(Object value, int max) {
        if (value == null) {
            return "(none)";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= max) {
                return out.append("…(").append(text.length()).append(" chars)").toString();
            }
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
