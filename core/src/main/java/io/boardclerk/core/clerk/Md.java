package io.boardclerk.core.clerk;

/**
 * Escapes user text for Teams markdown, which also renders some HTML. Square brackets become HTML character
 * references rather than backslash escapes, so a typed {@code [text](url)} is shown as typed and can never become a
 * link, whichever markdown dialect the Teams client renders; angle brackets likewise, so {@code <at>} cannot mention.
 */
public final class Md {

    private Md() {
    }

    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '[' -> out.append("&#91;");
                case ']' -> out.append("&#93;");
                case '\\', '*', '_', '`', '#', '|', '~' -> out.append('\\').append(c);
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String code(String command) {
        return "`" + command.replace("`", "'") + "`";
    }
}
