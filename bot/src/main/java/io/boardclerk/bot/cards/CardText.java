package io.boardclerk.bot.cards;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * User text made safe for an Adaptive Card {@code TextBlock} or {@code FactSet}, whose markdown Teams renders: every
 * markdown character is backslash-escaped, as are list markers at the start, and line breaks become spaces, so a
 * name or an action's text can never become a link, an image, a heading or a list, and a "{{" that the card would read
 * as a function ({@code {{DATE(...)}}}) is broken with a zero-width space. Adaptive Cards render no HTML (nor decode
 * entities), so {@code <img ...>} shows as the characters typed; its angle brackets are escaped all the same. This is
 * the one escaping for text in a card.
 */
public final class CardText {

    private static final DateTimeFormatter BRITISH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CardText() {
    }

    /** The escaped form of {@code raw}, on one line; "" for null. */
    public static String esc(String raw) {
        if (raw == null) {
            return "";
        }
        String text = oneLine(raw);
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '_', '[', ']', '(', ')', '#', '>', '<', '~', '`' -> out.append('\\').append(c);
                case '{' -> out.append(c).append(i + 1 < text.length() && text.charAt(i + 1) == '{' ? "\u200B" : "");
                default -> out.append(c);
            }
        }
        return escapeListMarker(out);
    }

    /** A leading "-", "+" or "1." would start a list; "1)" is already escaped by its parenthesis. */
    private static String escapeListMarker(StringBuilder text) {
        if (text.length() > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            text.insert(0, '\\');
            return text.toString();
        }
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < text.length() && text.charAt(digits) == '.'
                && (digits + 1 == text.length() || text.charAt(digits + 1) == ' ')) {
            text.insert(digits, '\\');
        }
        return text.toString();
    }

    /** Line breaks and runs of white space as single spaces, trimmed. */
    static String oneLine(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when {@code raw} is longer than {@link #shorten} would leave it. */
    public static boolean isLonger(String raw, int max) {
        return raw != null && oneLine(raw).length() > max;
    }

    /**
     * {@code raw} cut to at most {@code max} characters (plus "…"), at a word boundary where one is near, before
     * escaping; the text unchanged when it is short enough.
     */
    public static String shorten(String raw, int max) {
        if (raw == null) {
            return "";
        }
        String text = oneLine(raw);
        if (text.length() <= max) {
            return text;
        }
        int cut = max;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        int space = text.lastIndexOf(' ', cut);
        if (space > max * 2 / 3) {
            cut = space;
        }
        return text.substring(0, cut).strip() + "…";
    }

    /** Escaped and shortened. */
    public static String escShort(String raw, int max) {
        return esc(shorten(raw, max));
    }

    /** "16/05/2026", as the board's own log writes dates; "" for none. */
    public static String date(LocalDate date) {
        return date == null ? "" : BRITISH.format(date);
    }

    /**
     * The clerk's markdown as plain words, for places Teams shows as plain text (an invoke's message or error):
     * backslash escapes, bold and code marks removed, the HTML entities of the clerk's escaping decoded.
     */
    public static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(markdown.length());
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length()) {
                out.append(markdown.charAt(++i));
            } else if (c == '*' && i + 1 < markdown.length() && markdown.charAt(i + 1) == '*') {
                i++;
            } else if (c != '`') {
                out.append(c);
            }
        }
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }
}
