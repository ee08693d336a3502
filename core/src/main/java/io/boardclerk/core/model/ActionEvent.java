package io.boardclerk.core.model;

import java.time.Instant;

/**
 * One change to an action, as its history shows it: who, when, what it was before and after, and where it came
 * from.
 *
 * @param via    "message", "card" or "meeting"
 * @param what   what changed, in words: "raised", "update", "status", "target", "owners"
 * @param before the value before, in words; null when there was none
 * @param after  the value after, in words
 */
public record ActionEvent(long actionId, Instant at, String byTeamsId, String byName, String via, String what,
                          String before, String after, String activityId) {
}
