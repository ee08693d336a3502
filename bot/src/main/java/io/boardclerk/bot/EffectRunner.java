package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import io.boardclerk.core.clerk.CalendarSeriesFinder;
import io.boardclerk.core.clerk.CalendarSync;
import io.boardclerk.core.clerk.Effect;
import io.boardclerk.core.clerk.Reply;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Does what the clerk asked for after a turn was committed, outside its transaction (Graph and Bot Connector calls
 * never hold the database), and says in one line what came of it (none when the effect showed a reply of its own). {@link #line} is the one switch over every kind
 * of {@link Effect}: the compiler holds it to a case for each.
 */
final class EffectRunner {

    private final ActionLogPoster poster;
    private final SharePointUploader uploader;
    private final Optional<CalendarSync> calendar;
    private final Optional<CalendarSeriesFinder> finder;
    private final ReplySender replies;

    /**
     * @param calendar the reader of followed Outlook calendars, when Graph is on
     * @param finder   finds a series to follow and shows it for an officer to confirm, when Graph is on
     * @param replies  how the action-log summary is posted by the bot itself when Graph cannot post it
     */
    EffectRunner(ActionLogPoster poster, SharePointUploader uploader, Optional<CalendarSync> calendar,
                 Optional<CalendarSeriesFinder> finder, ReplySender replies) {
        this.poster = poster;
        this.uploader = uploader;
        this.calendar = calendar;
        this.finder = finder;
        this.replies = replies;
    }

    /** Does {@code effect} for the conversation of {@code incoming}; the line to tell that conversation. */
    String line(Activity incoming, Effect effect) {
        return effect.handle(new Effect.Handler<>() {
            @Override
            public String postActionLog(Effect.PostActionLog post) {
                return poster.post(post, channel(incoming), reply -> sendNow(incoming, reply)).line();
            }

            @Override
            public String syncCalendar(Effect.SyncCalendar sync) {
                return calendar.map(c -> c.sync(sync.boardId()).summary())
                        .orElse("Microsoft Graph is off here, so no calendar can be read.");
            }

            @Override
            public String findCalendarSeries(Effect.FindCalendarSeries find) {
                // What was found, with its confirmation card; the line is only for a reply that could not be sent.
                return finder.map(f -> sendNow(incoming, f.find(find)).map(why -> "The series found could not be "
                        + "shown: " + why).orElse(""))
                        .orElse("Microsoft Graph is off here, so no calendar can be read.");
            }

            @Override
            public String sayPostingMethod(Effect.SayPostingMethod method) {
                return poster.method(method.boardId(), channel(incoming));
            }

            @Override
            public String findFolder(Effect.FindFolder find) {
                return uploader.find(find);
            }

            @Override
            public String upload(Effect.Upload upload) {
                return uploader.upload(upload);
            }
        });
    }

    private Optional<String> sendNow(Activity incoming, Reply reply) {
        try {
            replies.deliver(incoming, reply).join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    private static boolean channel(Activity incoming) {
        return "channel".equals(incoming.getConversation().getConversationType());
    }
}
