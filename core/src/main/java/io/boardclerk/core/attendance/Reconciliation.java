package io.boardclerk.core.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * A meeting's attendance report set against the board: who of the board was there (members, and those in
 * attendance), who had sent apologies, who was absent without apologies, who came late or left early, and who else
 * joined. All strings are raw text; each renderer escapes them.
 *
 * @param members      members present (standing "member", or not known to be otherwise), officers first
 * @param inAttendance others of the board present, who attend without being members
 * @param apologies    the apologies recorded for the meeting, as "Name, role"
 * @param absent       members neither present nor with apologies
 * @param guests       attendees who are not on the board
 * @param unsure       attendees whose name two or more people on the board share, so none of them is marked present
 * @param membersOfBoard how many members the board has
 * @param quorum       the board's quorum, empty when it has none
 */
public record Reconciliation(Instant meetingStart, Instant meetingEnd, Thresholds thresholds, List<Present> members,
                             List<Present> inAttendance, List<String> apologies, List<String> absent,
                             List<Guest> guests, List<Unsure> unsure, int membersOfBoard, OptionalInt quorum) {

    public Reconciliation {
        members = List.copyOf(members);
        inAttendance = List.copyOf(inAttendance);
        apologies = List.copyOf(apologies);
        absent = List.copyOf(absent);
        guests = List.copyOf(guests);
        unsure = List.copyOf(unsure);
    }

    /** How late a joining is "late", and how early a leaving is "early". */
    public record Thresholds(Duration late, Duration early) {
        public static final Thresholds DEFAULT = new Thresholds(Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    /**
     * Someone of the board who was there.
     *
     * @param described        "Jon Leigh, Chief Finance Officer"
     * @param late             joined more than the threshold after the start
     * @param leftEarly        left more than the threshold before the end
     * @param despiteApologies apologies were recorded for them, yet they attended
     */
    public record Present(long personId, String described, Instant joined, Instant left, Duration attended,
                          boolean late, boolean leftEarly, boolean despiteApologies) {
    }

    /** Someone not on the board who joined; {@code email} may be null. */
    public record Guest(String name, String email, Instant joined, Instant left) {
    }

    /** An attendee whose name several people on the board have. */
    public record Unsure(String name, List<String> couldBe) {
        public Unsure {
            couldBe = List.copyOf(couldBe);
        }
    }

    public int membersPresent() {
        return members.size();
    }

    /** Whether the meeting was quorate; empty when the board has no quorum. */
    public java.util.Optional<Boolean> quorate() {
        return quorum.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(membersPresent() >= quorum.getAsInt());
    }

    /** "The meeting was quorate: 6 of 9 members present; the quorum is 5." Empty when the board has no quorum. */
    public java.util.Optional<String> quorumSentence() {
        return quorumSentence(membersPresent(), membersOfBoard, quorum);
    }

    /** The quorum sentence for {@code present} of {@code members} members; empty when there is no quorum. */
    public static java.util.Optional<String> quorumSentence(int present, int members, OptionalInt quorum) {
        if (quorum.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("The meeting was " + (present >= quorum.getAsInt() ? "quorate" : "not quorate")
                + ": " + present + " of " + members + " member" + (members == 1 ? "" : "s") + " present; the quorum is "
                + quorum.getAsInt() + ".");
    }
}
