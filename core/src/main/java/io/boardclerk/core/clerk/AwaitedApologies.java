package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.AwaitedApology;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;

import java.util.List;
import java.util.Objects;

/**
 * Apologies sent for a meeting before it was scheduled ("my apologies for the July Board"): attached to the meeting
 * once one is scheduled on the day, or in the month, that the member named.
 */
final class AwaitedApologies {

    private AwaitedApologies() {
    }

    /** Attaches every awaited apology whose meeting the board's schedule now has; how many were attached. */
    static int attach(Desk desk) {
        List<AwaitedApology> awaited = desk.ledger().awaitedApologies(desk.board().id());
        if (awaited.isEmpty()) {
            return 0;
        }
        List<Meeting> meetings = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.status() != MeetingStatus.CLOSED).toList();
        int attached = 0;
        for (AwaitedApology apology : awaited) {
            List<Meeting> meant = meetings.stream().filter(m -> apology.meantFor(m.date())).toList();
            if (meant.size() != 1) {
                // None yet, or two in the month named: it waits until the member's words fit one meeting.
                continue;
            }
            Meeting meeting = meant.get(0);
            List<Apology> there = desk.ledger().apologies(meeting.id());
            boolean already = there.stream().anyMatch(a -> apology.personId() != null
                    && Objects.equals(a.personId(), apology.personId()));
            long apologyId = already ? there.stream().filter(a -> Objects.equals(a.personId(), apology.personId()))
                    .findFirst().orElseThrow().id()
                    : desk.ledger().addApology(meeting.id(), apology.personId(), apology.name(), apology.role(),
                    apology.note(), apology.recordingId()).id();
            desk.ledger().attachAwaitedApology(apology.id(), apologyId);
            attached++;
        }
        return attached;
    }
}
