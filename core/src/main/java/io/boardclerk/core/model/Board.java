package io.boardclerk.core.model;

import java.util.Optional;

/**
 * A board: one Teams conversation (channel, group chat or meeting chat) in which BoardClerk keeps the record.
 *
 * @param nameSetByUser true once someone said {@code board name ...}; automatic names from Teams then stop.
 */
public record Board(long id, String tenantId, String conversationId, String name, boolean nameSetByUser,
                    Long chairId, Long secretaryId) {

    public boolean hasOfficers() {
        return chairId != null || secretaryId != null;
    }

    public boolean isOfficer(long personId) {
        return (chairId != null && chairId == personId) || (secretaryId != null && secretaryId == personId);
    }

    public Optional<Long> officer(BoardRole role) {
        return Optional.ofNullable(role == BoardRole.CHAIR ? chairId : secretaryId);
    }
}
