package io.boardclerk.bot;

import io.boardclerk.core.clerk.CalendarSync;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.graph.GraphCalendar;
import io.boardclerk.bot.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.time.Duration;

/**
 * Reads the followed Outlook calendars that are due (every {@link CalendarSync#EVERY}, kept in the database) on one
 * background thread, looking every five minutes, when Microsoft Graph is on. A restart picks up where it left off.
 */
final class CalendarSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarSchedule.class);
    static final Duration LOOK_EVERY = Duration.ofMinutes(5);

    private final Optional<CalendarSync> sync;

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
                new GraphCalendar(GraphPolicy.settings(config, calls)), chat::announce, clock, config.zone())));
    }

    /** The sync, when Graph is on: the bot runs it after a turn asks, the tests drive it by a controlled clock. */
    Optional<CalendarSync> sync() {
        return sync;
    }

    /** The job that runs what is due, when Graph is on; it starts when the server does. */
    Optional<PeriodicJob> job() {
        return sync.map(due -> new PeriodicJob("boardclerk-calendar", LOOK_EVERY, due::runDue));
    }
}
