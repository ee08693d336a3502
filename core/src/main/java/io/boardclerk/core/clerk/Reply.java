package io.boardclerk.core.clerk;

/** What the bot says back: Teams markdown in which every piece of user text has been escaped. */
public record Reply(String markdown) {
}
