package io.boardclerk.core.port;

/**
 * Everything BoardClerk keeps, seen from inside one transaction. Implementations commit all of a turn's writes
 * together or none of them: see {@link LedgerStore#inTransaction}.
 */
public interface Ledger extends BoardRepository, PersonRepository, MeetingRepository, MinutesRepository,
        ActionRepository, JournalRepository, AttendanceRepository, PostingRepository, ReminderRepository,
        SharePointRepository, CalendarRepository {
}
