package io.boardclerk.core.port;

import io.boardclerk.core.model.AttendanceFetch;
import io.boardclerk.core.model.AttendanceReport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Teams attendance reports of a board's meetings, the fetches that get them, and the board's quorum. */
public interface AttendanceRepository {

    Optional<AttendanceFetch> attendanceFetch(long meetingId);

    /** Adds or replaces the fetch of its meeting. */
    void saveAttendanceFetch(AttendanceFetch fetch);

    /**
     * Claims the fetches with work due by {@code now}: pending ones whose next try has come, and obtained reports not
     * yet posted into the chat. Each is held until {@code leaseUntil} (its next try is put off to then), so no other
     * run, on this instance or another sharing the database, takes it meanwhile; one whose run dies is taken again
     * once the lease is out. Oldest first.
     */
    List<AttendanceFetch> claimDueAttendanceFetches(Instant now, Instant leaseUntil);

    /** Stores a meeting's report, replacing an earlier one. */
    void saveAttendanceReport(long meetingId, AttendanceReport report);

    Optional<AttendanceReport> attendanceReport(long meetingId);

    /** Remembers a person's e-mail address or sign-in name, as the Teams roster gives it. */
    void setPersonAddress(long personId, String address);

    /** The board's people's addresses: person id to address. */
    java.util.Map<Long, String> personAddresses(long boardId);

    /** How many members make a quorum on the board; empty when the board has set none. */
    OptionalInt quorum(long boardId);

    /** Sets the quorum; null for none. */
    void setQuorum(long boardId, Integer quorum);
}
