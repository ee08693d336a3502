package io.boardclerk.core.clerk;

/** One member of a conversation as Teams lists them. */
public record RosterEntry(String teamsId, String aadObjectId, String name) {
}
