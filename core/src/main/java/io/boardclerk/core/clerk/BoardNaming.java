package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Board;

/**
 * What a board is called before anyone or anything has named it, and the one-time question that asks for a name.
 * Teams names most boards (a channel's team and name, a chat's topic, a meeting's title); a group chat without a
 * topic gives nothing, and then the officers are asked once, when the first of them is appointed.
 */
public final class BoardNaming {

    /** The name of a board nothing has named yet. */
    public static final String UNNAMED = "Unnamed board";

    private BoardNaming() {
    }

    /** Whether the board still has no name of its own (nobody said {@code board name}, and Teams gave none). */
    public static boolean unnamed(Board board) {
        return !board.nameSetByUser() && (UNNAMED.equals(board.name())
                || isLegacyName(board.name(), board.conversationId()));
    }

    /** The question put to the officers, once: what to call the board. */
    static String question() {
        return "Teams has not told me this board's name, so replies, cards and documents call it \"" + UNNAMED
                + "\". What should I call it? Say " + Md.code("board name <name>") + ", e.g. "
                + Md.code("board name Audit Committee") + " (any time, by the chair or secretary).";
    }

    /**
     * The name earlier versions gave a board without one: "Board " and the last 8 letters or digits of its
     * conversation id (Teams' ids are far longer).
     */
    static boolean isLegacyName(String name, String conversationId) {
        if (name == null || conversationId == null || name.length() != 14 || !name.startsWith("Board ")) {
            return false;
        }
        String plain = conversationId.replaceAll("[^A-Za-z0-9]", "");
        return plain.length() > 8 && name.equals("Board " + plain.substring(plain.length() - 8));
    }
}
