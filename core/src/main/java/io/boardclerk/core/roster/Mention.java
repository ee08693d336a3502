package io.boardclerk.core.roster;

/** An @mention in a message: the Teams user id and the name as shown in the text. */
public record Mention(String teamsId, String name) {
}
