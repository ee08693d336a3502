package io.boardclerk.bot;

import io.boardclerk.bot.jobs.PeriodicJob;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.WeeklyPosts;
import io.boardclerk.core.posting.ChatAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Posts boards' action-log summaries on their weekly schedule ({@code post action log weekly <day>}): once a minute it
 * asks which boards are due by the injected clock (their day, from 09:00 in their zone), claims each in a
 * transaction, then posts it, through Graph or as the bot, exactly as {@code post action log} does. The claim keeps
 * a board's post of a date to one, across restarts. A claim left without an outcome (the process stopped while
 * posting) is not posted again, since it may have gone out; the chat is told it may be missing instead. {@link #job}
 * runs it on a thread of its own, apart from the reminders' sweep.
 */
final class WeeklyPostScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyPostScheduler.class);
    static final Duration EVERY = Duration.ofMinutes(1);

    private final WeeklyPosts posts;
    private final ActionLogPoster poster;
    private final BoardChat chat;
    private final ChatAddresses addresses;
    private final Clock clock;

    WeeklyPostScheduler(WeeklyPosts posts, ActionLogPoster poster, BoardChat chat, ChatAddresses addresses,
                        Clock clock) {
        this.posts = posts;
        this.poster = poster;
        this.chat = chat;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** The job that looks once a minute; it starts when the server does. */
    PeriodicJob job() {
        return new PeriodicJob("boardclerk-weekly-posts", EVERY, this::tick);
    }

    /** Posts whatever is due now; returns how many boards' summaries were posted (by either route). */
    synchronized int tick() {
        for (WeeklyPosts.Interrupted left : posts.interrupted(clock.instant())) {
            LOG.warn("The weekly action log summary of board {} for {} was claimed but never finished; the chat is "
                    + "told", left.board().id(), left.date());
            chat.postAsBoardClerk(left.board(), new Reply(left.line()));
        }
        int count = 0;
        for (WeeklyPosts.Due due : posts.claimDue(clock.instant())) {
            boolean channel = addresses.of(due.board().id()).map(ChatAddress::channel).orElse(false);
            ActionLogPoster.Result result = poster.post(due.post(), channel,
                    reply -> chat.postAsBoardClerk(due.board(), reply));
            String line = result.line();
            if (!result.viaGraph()) {
                // Posted by the bot (or not at all): the chat is told why, in the one line.
                chat.postAsBoardClerk(due.board(), new Reply(line));
            }
            posts.recordOutcome(due, line.length() > 500 ? line.substring(0, 500) : line);
            LOG.info("Weekly action log summary of board {} for {}: {}", due.board().id(), due.date(), line);
            count++;
        }
        return count;
    }
}
