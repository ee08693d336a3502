package io.boardclerk.core.model;

import java.time.Instant;

/** The chair's approval of a meeting's minutes as a true record. */
public record MinutesApproval(long meetingId, String approvedBy, Instant approvedAt) {
}
