package io.boardclerk.core.attendance;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.Ledger;

import java.util.Optional;

/** A meeting's reconciled attendance, read from the ledger: the one place the report meets the board's record. */
public final class Attendances {

    private Attendances() {
    }

    /** The reconciliation of the meeting's stored attendance report; empty when there is no report. */
    public static Optional<Reconciliation> reconcile(Ledger ledger, Meeting meeting) {
        Board board = ledger.board(meeting.boardId()).orElseThrow();
        return ledger.attendanceReport(meeting.id()).map(report -> AttendanceReconciler.reconcile(report, board,
                ledger.people(board.id()), ledger.standings(board.id()), ledger.personAddresses(board.id()),
                ledger.apologies(meeting.id()),
                ledger.quorum(board.id()), Reconciliation.Thresholds.DEFAULT));
    }

    /** "Attendance at the meeting of 26th May 2026". */
    public static String heading(Meeting meeting) {
        return "Attendance at the meeting of " + BritishDates.formatLong(meeting.date());
    }
}
