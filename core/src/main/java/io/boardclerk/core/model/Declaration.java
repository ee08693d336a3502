package io.boardclerk.core.model;

/** A member's declaration of interest in an agenda item at a meeting. */
public record Declaration(long id, long meetingId, Long personId, String member, String agendaItem,
                          InterestKind kind, String interest, long recordingId) {
}
