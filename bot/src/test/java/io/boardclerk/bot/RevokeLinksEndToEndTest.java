package io.boardclerk.bot;

import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.Card;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code revoke-links} withdraws a board's download links at once, on the running server: they answer 410, another
 * board's links still work, and a link made afterwards works.
 */
class RevokeLinksEndToEndTest {

    @TempDir
    Path dir;

    private HttpResponse<String> get(RunningBot bot, DownloadLinks.Minted minted) throws Exception {
        String uri = ((DownloadLinks.Link) minted).uri().toString();
        return bot.client.get(uri.substring(uri.indexOf(DownloadLinks.PATH)));
    }

    @Test
    void aRevokedBoardsLinksAre410AndOthersStillWork() throws Exception {
        try (RunningBot bot = RunningBot.local(dir)) {
            for (String id : new String[]{"19:one@thread.v2", "19:two@thread.v2"}) {
                TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), id, "tenant-cambs", "B");
                bot.connector.roster(id, SECRETARY);
                bot.client.post(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
                bot.connector.awaitSent(id, 1, Duration.ofSeconds(5));
            }
            DownloadLinks links = bot.server().downloadLinks();
            Card.Download one = new Card.Download(1, null, Card.Document.ACTION_LOG_CSV, "Action log");
            Card.Download two = new Card.Download(2, null, Card.Document.ACTION_LOG_CSV, "Action log");
            DownloadLinks.Minted oneLink = links.mint(one);
            DownloadLinks.Minted twoLink = links.mint(two);
            assertEquals(200, get(bot, oneLink).statusCode());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = RevokeLinksCommand.run(new String[]{"revoke-links", "--board", "1", "--db",
                    bot.database.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), bot.clock);
            assertEquals(0, status);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("board 1"));

            HttpResponse<String> revoked = get(bot, oneLink);
            assertEquals(410, revoked.statusCode(), revoked.body());
            assertTrue(revoked.body().contains("withdrawn"), revoked.body());
            assertEquals(200, get(bot, twoLink).statusCode(), "another board's link");
            bot.clock.advance(Duration.ofSeconds(1));
            assertEquals(200, get(bot, links.mint(one)).statusCode(), "a link made afterwards");
            assertEquals(1, RevokeLinksCommand.run(new String[]{"revoke-links", "--board", "99", "--db",
                    bot.database.toString()}, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), bot.clock), "an unknown board");
        }
    }
}
