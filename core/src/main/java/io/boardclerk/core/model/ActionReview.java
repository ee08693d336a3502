package io.boardclerk.core.model;

import java.time.Instant;

/**
 * An action reviewed at a meeting, in the order reviewed, with what the board decided ("kept open", "closed",
 * "new target 26/05/2026"); decision is null while the review has not reached one, and update is the update the
 * meeting heard (null when none was given there).
 */
public record ActionReview(long meetingId, long actionId, int position, String decision, String update, Instant at) {
}
