package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import io.boardclerk.bot.cards.CardRenderer;
import io.boardclerk.bot.cards.MinutesCard;
import io.boardclerk.bot.documents.DownloadCard;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.core.clerk.Reply;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends what a reply shows through the Bot Connector: its Markdown, then each card as a message of its own (a
 * download or a minutes summary with the link signed for it). It does nothing a reply asks to be done: a reply with
 * {@link Reply#effects()} is refused, since dropping them would lose them silently ({@link ReplyAndEffects} does them).
 */
final class ReplySender implements Replies {

    /** Teams messages must stay under about 28 KB; longer replies are cut with a note. */
    static final int MAX_REPLY_CHARS = 24_000;

    private final Connector connector;
    private final DownloadLinks links;

    ReplySender(Connector connector, DownloadLinks links) {
        this.connector = connector;
        this.links = links;
    }

    @Override
    public CompletableFuture<Void> deliver(Activity incoming, Reply reply) {
        if (!reply.effects().isEmpty()) {
            throw new IllegalArgumentException("a reply's effects are done by ReplyAndEffects, not shown");
        }
        try {
            show(incoming, reply);
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ReplyNotDelivered(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new ReplyNotDelivered(e));
        }
    }

    /** Sends the reply's text and cards, in order; effects are not looked at. */
    void show(Activity incoming, Reply reply) throws IOException, InterruptedException {
        if (!reply.markdown().isBlank()) {
            connector.reply(incoming, cut(reply.markdown()));
        }
        for (Card card : reply.cards()) {
            send(incoming, card);
        }
    }

    /** One line from BoardClerk into the conversation (what an effect came to). */
    void line(Activity incoming, String markdown) throws IOException, InterruptedException {
        connector.reply(incoming, cut(markdown));
    }

    private void send(Activity incoming, Card card) throws IOException, InterruptedException {
        if (card instanceof Card.Download download) {
            DownloadLinks.Minted minted = links.mint(download);
            if (minted instanceof DownloadLinks.Link link) {
                connector.replyWithCard(incoming, DownloadCard.render(download, link.uri()));
            } else {
                connector.reply(incoming, notServed(download, (DownloadLinks.Unavailable) minted));
            }
            return;
        }
        Optional<ObjectNode> rendered = CardRenderer.render(card);
        if (rendered.isEmpty()) {
            return;
        }
        ObjectNode content = rendered.get();
        String unavailable = null;
        if (card instanceof Card.Minutes minutes) {
            DownloadLinks.Minted minted = links.mint(minutes.download());
            if (minted instanceof DownloadLinks.Link link) {
                content = MinutesCard.withDownloadLink(content, link.uri(), "Download (Word)");
            } else {
                unavailable = notServed(minutes.download(), (DownloadLinks.Unavailable) minted);
            }
        }
        connector.replyWithCard(incoming, content);
        if (unavailable != null) {
            connector.reply(incoming, unavailable);
        }
    }

    /** What a download says when links cannot be made here (no public address configured): why, in one line. */
    static String notServed(Card.Download download, DownloadLinks.Unavailable why) {
        return "**" + Md.esc(download.title()) + "**: " + Md.esc(why.reason())
                + " Meanwhile the record can be exported on the server (`java -jar boardclerk.jar export`).";
    }

    static String cut(String text) {
        return text.length() <= MAX_REPLY_CHARS ? text
                : text.substring(0, MAX_REPLY_CHARS) + "\n\n…(cut short: too long for one Teams message)";
    }
}
