package io.boardclerk.core.posting;

import java.time.Instant;
import java.time.LocalDate;

/** A board's weekly post of a date, claimed at an instant, whose outcome was never recorded. */
public record ClaimedPost(long boardId, LocalDate date, Instant claimedAt) {
}
