package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.parse.CommandParser;
import io.boardclerk.core.parse.ParseContext;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.roster.RosterMatcher;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What a message says, read outside any transaction, so no parsing ever holds the database's single writer: in a
 * board's chat against its roster, the sender's role and the meeting being minuted, as last committed; in a
 * personal chat, which belongs to no board, against the date alone.
 */
final class MessageReader {

    private final LedgerStore store;
    private final ZoneId zone;

    MessageReader(LedgerStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    List<Command> read(Turn turn) {
        LocalDate today = turn.receivedAt().atZone(zone).toLocalDate();
        if (turn.conversation().personal()) {
            return CommandParser.parse(turn.text(), new ParseContext(today, today, List.of(), List.of(), List.of(),
                    false));
        }
        ParseContext context = store.read(ledger -> ledger.findBoard(turn.conversation().tenantId(),
                        turn.conversation().conversationId())
                .map(board -> {
                    List<Person> people = ledger.people(board.id());
                    RosterMatcher roster = new RosterMatcher(people, turn.mentions());
                    boolean officer = people.stream().anyMatch(p -> turn.sender().teamsId() != null
                            && turn.sender().teamsId().equals(p.teamsId()) && board.isOfficer(p.id()));
                    return new ParseContext(today, MinutedMeeting.date(ledger, board.id(), today), roster.names(),
                            roster.initials(), roster.mentions(), officer);
                })
                .orElseGet(() -> new ParseContext(today, today, List.of(), List.of(), turn.mentions(), false)));
        return CommandParser.parse(turn.text(), context);
    }
}
