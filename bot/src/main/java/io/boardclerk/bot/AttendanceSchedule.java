package io.boardclerk.bot;

import io.boardclerk.core.attendance.AttendanceRetriever;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.graph.GraphAttendance;
import io.boardclerk.graph.GraphSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the attendance fetches that are due once a minute, on one background thread, when Microsoft Graph is on.
 * Everything it needs to carry on is in the database, so a restart picks up where it left off.
 */
final class AttendanceSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttendanceSchedule.class);
    static final long EVERY_SECONDS = 60;

    private final Optional<AttendanceRetriever> retriever;
    private ScheduledExecutorService timer;

    private AttendanceSchedule(Optional<AttendanceRetriever> retriever) {
        this.retriever = retriever;
    }

    static AttendanceSchedule forServer(BotConfig config, LedgerStore store, Connector connector, BoardChat chat,
                                        Clock clock, io.boardclerk.graph.GraphCalls calls) {
        if (!config.graph()) {
            return new AttendanceSchedule(Optional.empty());
        }
        GraphSettings settings = BoardClerkServer.graphSettings(config, calls);
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

    void start() {
        if (retriever.isEmpty() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "boardclerk-attendance");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::runDue, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void runDue() {
        try {
            retriever.get().runDue();
        } catch (RuntimeException e) {
            LOG.error("Fetching attendance reports failed; the next run tries again", e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
