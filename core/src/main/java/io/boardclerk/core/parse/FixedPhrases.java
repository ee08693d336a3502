package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

/**
 * The commands that are a fixed phrase and nothing more: "help" (or "?", "commands", "what can you do"), "action
 * log", "my actions", "apologies", "declarations" and "undo", each in a few usual wordings. They are looked up before
 * any shape is tried.
 */
final class FixedPhrases {

    private FixedPhrases() {
    }

    /** The command a phrase is, or null. {@code phrase} is in lower case, without its trailing stops. */
    static Command read(String phrase) {
        return switch (phrase) {
            case "help", "?", "commands", "what can you do" -> new Command.Help();
            case "action log", "actions", "the action log", "show action log", "show the action log" ->
                    new Command.ActionLog();
            case "my actions", "show my actions", "my action log" -> new Command.MyActions();
            case "apologies", "show apologies", "list apologies" -> new Command.ListApologies();
            case "declarations", "show declarations", "list declarations", "declarations of interest" ->
                    new Command.ListDeclarations();
            case "undo" -> new Command.Undo();
            default -> null;
        };
    }
}
