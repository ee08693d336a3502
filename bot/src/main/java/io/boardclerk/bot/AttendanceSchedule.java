package io.boardclerk.bot;

import io.boardclerk.core.attendance.AttendanceRetriever;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.graph.GraphAttendance;
import io.boardclerk.graph.GraphSettings;
import io.boardclerk.bot.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.time.Duration;

/**
 * Runs the attendance fetches that are due once a minute, on one background thread, when Microsoft Graph is on.
 * Everything it needs to carry on is in the database, so a restart picks up where it left off.
 */
final class AttendanceSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(AttendanceSchedule.class);
    static final Duration EVERY = Duration.ofMinutes(1);

    private final Optional<AttendanceRetriever> retriever;

    private AttendanceSchedule(Optional<AttendanceRetriever> retriever) {
        this.retriever = retriever;
    }

    static AttendanceSchedule forServer(BotConfig config, LedgerStore store, Connector connector, BoardChat chat,
                                        Clock clock, io.boardclerk.graph.GraphCalls calls) {
        if (!config.graph()) {
            return new AttendanceSchedule(Optional.empty());
        }
        GraphSettings settings = GraphPolicy.settings(config, calls);
        LOG.info("Teams attendance reports are read through Microsoft Graph after each meeting (needs {} or the "
                + "meeting chat's {}, and an application access policy for the organisers)",
                GraphAttendance.PERMISSION, GraphAttendance.RSC_PERMISSION);
        return new AttendanceSchedule(Optional.of(new AttendanceRetriever(store, new TeamsMeetingLocator(connector),
                new GraphAttendance(settings), chat::announce, clock, config.zone())));
    }

    /** The retriever, when Graph is on: the tests drive it directly rather than wait for the timer. */
    Optional<AttendanceRetriever> retriever() {
        return retriever;
    }

    /** The job that runs what is due, when Graph is on; it starts when the server does. */
    Optional<PeriodicJob> job() {
        return retriever.map(due -> new PeriodicJob("boardclerk-attendance", EVERY, due::runDue));
    }
}
