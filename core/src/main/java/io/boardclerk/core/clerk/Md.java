package io.boardclerk.core.clerk;

/**
 * Text made to show as typed in a Teams message (markdown, of which Teams also renders some HTML). There are two
 * places in such a message, each escaped here and nowhere else:
 * <ul>
 *   <li>running text ({@link #esc}): markdown marks are backslash-escaped; {@code < > &} and square brackets become
 *       character references, which Teams decodes there, so a typed {@code [text](url)} is shown as typed and can
 *       never become a link, whichever markdown dialect the client renders, and {@code <at>} cannot mention;</li>
 *   <li>a code span ({@link #code}, {@link #codeSpans}): nothing is decoded inside one, neither backslashes nor
 *       entities, and Teams escapes tag-like text such as {@code <name>} before it renders, so an entity or a
 *       bracketed placeholder would show as {@code &lt;name&gt;}. Angle brackets become the look-alikes ‹ ›.</li>
 * </ul>
 * Adaptive Cards (bot module, {@code CardText}) and HTML (graph module, {@code ActionLogHtml.esc}) have their own.
 */
public final class Md {

    /** What a code span shows instead of {@code <} and {@code >}. */
    static final char OPEN = '\u2039';
    static final char CLOSE = '\u203A';

    private Md() {
    }

    /** {@code text} for running markdown: on one line, no mark of it read as markdown or HTML. */
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

    /** {@code command} as a code span: {@code remove apology <name>} shows as {@code remove apology ‹name›}. */
    public static String code(String command) {
        return "`" + codeText(command) + "`";
    }

    /**
     * {@code markdown} with what is inside each of its code spans made to show as typed, as {@link #code} does: for
     * text written with its code spans in place (the help, the clerk's fixed sentences). Backslash-escaped backticks
     * (from {@link #esc}) open no span; a run of backticks is closed by a run as long, as in CommonMark; an unclosed
     * one is left as it is.
     */
    public static String codeSpans(String markdown) {
        if (markdown == null || markdown.indexOf('`') < 0) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length());
        int i = 0;
        while (i < markdown.length()) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length()) {
                out.append(c).append(markdown.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c != '`') {
                out.append(c);
                i++;
                continue;
            }
            int run = run(markdown, i);
            int close = closing(markdown, i + run, run);
            if (close < 0) {
                out.append(markdown, i, i + run);
                i += run;
                continue;
            }
            out.append(markdown, i, i + run).append(brackets(markdown.substring(i + run, close)))
                    .append(markdown, close, close + run);
            i = close + run;
        }
        return out.toString();
    }

    private static int run(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end - from;
    }

    /** Where the run of exactly {@code length} backticks closing a span starts, or -1. */
    private static int closing(String text, int from, int length) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '`') {
                int run = run(text, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static String codeText(String text) {
        return text == null ? "" : brackets(text.replace('`', '\'').replace("\r\n", " ").replace('\r', ' ')
                .replace('\n', ' '));
    }

    private static String brackets(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace('<', OPEN)
                .replace('>', CLOSE);
    }
}
