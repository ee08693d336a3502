package io.boardclerk.core.clerk;

/** Who sent a message, as Teams identifies them. */
public record Sender(String teamsId, String aadObjectId, String name) {
}
