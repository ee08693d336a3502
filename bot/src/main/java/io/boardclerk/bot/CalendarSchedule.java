package io.boardclerk.bot;

import io.boardclerk.core.clerk.CalendarSync;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.graph.GraphCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the followed Outlook calendars that are due (every {@link CalendarSync#EVERY}, kept in the database) on one
 * background thread, looking every five minutes, when Microsoft Graph is on. A restart picks up where it left off.
 */
final class CalendarSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarSchedule.class);
    static final long LOOK_EVERY_SECONDS = 300;

    private final Optional<CalendarSync> sync;
    private ScheduledExecutorService timer;

    private CalendarSchedule(Optional<CalendarSync> sync) {
        this.sync = sync;
    }

    static CalendarSchedule forServer(BotConfig config, LedgerStore store, BoardChat chat, Clock clock,
                                      io.boardclerk.graph.GraphCalls calls) {
        if (!config.graph()) {
            return new CalendarSchedule(Optional.empty());
        }
        LOG.info("Boards may follow a meeting series in an Outlook calendar through Microsoft Graph (needs the "
                + "application permission {})", GraphCalendar.PERMISSION);
        return new CalendarSchedule(Optional.of(new CalendarSync(store,
                new GraphCalendar(BoardClerkServer.graphSettings(config, calls)), chat::announce, clock, config.zone())));
    }

    /** The sync, when Graph is on: the bot runs it after a turn asks, the tests drive it by a controlled clock. */
    Optional<CalendarSync> sync() {
        return sync;
    }

    void start() {
        if (sync.isEmpty() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "boardclerk-calendar");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::runDue, LOOK_EVERY_SECONDS, LOOK_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void runDue() {
        try {
            sync.get().runDue();
        } catch (RuntimeException e) {
            LOG.error("Reading the followed calendars failed; the next run tries again", e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
