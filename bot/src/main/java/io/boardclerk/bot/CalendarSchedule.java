package io.boardclerk.bot;

import io.boardclerk.core.clerk.CalendarSeriesFinder;
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
    private final Optional<CalendarSeriesFinder> finder;

    private CalendarSchedule(Optional<CalendarSync> sync, Optional<CalendarSeriesFinder> finder) {
        this.sync = sync;
        this.finder = finder;
    }

    static CalendarSchedule forServer(BotConfig config, LedgerStore store, BoardChat chat, Clock clock,
                                      io.boardclerk.graph.GraphCalls calls) {
        if (!config.graph()) {
            return new CalendarSchedule(Optional.empty(), Optional.empty());
        }
        LOG.info("Boards may follow a meeting series in an Outlook calendar through Microsoft Graph (needs the "
                + "application permission {})", GraphCalendar.PERMISSION);
        GraphCalendar calendar = new GraphCalendar(GraphPolicy.settings(config, calls));
        return new CalendarSchedule(Optional.of(new CalendarSync(store, calendar, chat::announce, clock,
                config.zone())), Optional.of(new CalendarSeriesFinder(store, calendar, clock, config.zone())));
    }

    /** Finds a series to follow and asks an officer to confirm it, when Graph is on. */
    Optional<CalendarSeriesFinder> finder() {
        return finder;
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
