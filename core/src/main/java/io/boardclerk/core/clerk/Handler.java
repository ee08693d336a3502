package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;

/** Handles one kind of command within a turn, returning the lines of its reply. */
@FunctionalInterface
public interface Handler<C extends Command> {

    String handle(Desk desk, C command);
}
