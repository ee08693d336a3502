package io.boardclerk.core.arch.a;

/** A deliberate offender, only in the tests: with {@code UsesA} it makes a cycle of two packages. */
public final class UsesB {
    io.boardclerk.core.arch.b.UsesA other;
}
