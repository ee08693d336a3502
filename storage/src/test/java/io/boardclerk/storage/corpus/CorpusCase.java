package io.boardclerk.storage.corpus;

import java.util.List;

/**
 * One message of the conversation corpus: who says it where, the message, and what must come of it.
 *
 * @param line         the line of its header in the corpus file, for the failure report
 * @param speaker      the speaker's name as on the board's roster
 * @param personal     said in the speaker's personal chat with BoardClerk (always addressed)
 * @param between      said in the world between meetings rather than during the meeting of 11/03/2027
 * @param mentionsBot  the message @mentions BoardClerk
 * @param message      the message's text, possibly several lines
 * @param expectations what must come of it, at least one
 */
record CorpusCase(int line, String speaker, boolean personal, boolean between, boolean mentionsBot, String message,
                  List<Expectation> expectations) {

    CorpusCase {
        expectations = List.copyOf(expectations);
    }

    /** Whether the message is addressed to BoardClerk: every personal chat is, a board message only by @mention. */
    boolean addressed() {
        return personal || mentionsBot;
    }

    String header() {
        return "> " + speaker + " in " + (personal ? "personal" : "board") + (between ? ", between" : "")
                + (mentionsBot ? ", mentions bot" : "");
    }

    String firstLine() {
        String first = message.lines().findFirst().orElse("");
        return first.length() > 100 ? first.substring(0, 100) + "…" : first;
    }
}
