package io.boardclerk.core.arch.b;

/** A deliberate offender, only in the tests: with {@code UsesB} it makes a cycle of two packages. */
public final class UsesA {
    io.boardclerk.core.arch.a.UsesB other;
}
