package io.boardclerk.core.model;

import java.time.Instant;

/** Where a recording came from: the message, who sent it, its Teams activity id and when. */
public record Source(String activityId, String senderTeamsId, String senderName, String text, Instant receivedAt) {
}
