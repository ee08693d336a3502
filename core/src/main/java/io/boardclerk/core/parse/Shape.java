package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * A statement's shape: how to read it, and the first words (lower case, letters only) a line of that shape can begin
 * with; none when it can begin with anything ("Jon Leigh declared an interest ..."). Reading answers the command, or
 * null when the line is not of this shape.
 */
record Shape(Set<String> firstWords, BiFunction<String, ParseContext, Command> read) {

    /** A shape whose lines begin with one of {@code firstWords}, separated by spaces. */
    static Shape of(String firstWords, BiFunction<String, ParseContext, Command> read) {
        return new Shape(Set.of(firstWords.split(" ")), read);
    }

    /** A shape whose lines can begin with anything, so every line has to try it. */
    static Shape anyStart(BiFunction<String, ParseContext, Command> read) {
        return new Shape(Set.of(), read);
    }
}
