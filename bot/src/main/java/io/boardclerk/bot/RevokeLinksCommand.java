package io.boardclerk.bot;

import io.boardclerk.core.clerk.Bookkeeping;
import io.boardclerk.storage.Database;
import io.boardclerk.storage.DatabaseSettings;
import io.boardclerk.storage.Databases;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code java -jar boardclerk.jar revoke-links --board ID [--db FILE]}: withdraws every download link of one board
 * made until now (a running server refuses them at once, with 410); links made afterwards work as usual.
 */
final class RevokeLinksCommand {

    private RevokeLinksCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        Long board = null;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--board") && i + 1 < args.length) {
                try {
                    board = Long.parseLong(args[++i]);
                } catch (NumberFormatException e) {
                    err.println("--board takes a board's number.");
                    return 2;
                }
            } else if (args[i].equals("--db") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else {
                err.println("Usage: java -jar boardclerk.jar revoke-links --board ID [--db FILE]");
                return 2;
            }
        }
        if (board == null) {
            err.println("Usage: java -jar boardclerk.jar revoke-links --board ID [--db FILE]");
            return 2;
        }
        DatabaseSettings database;
        try {
            database = AdminDatabase.choose(BotConfig.database(System.getenv()), file);
        } catch (BotConfig.ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        java.util.Optional<String> missing = AdminDatabase.missing(database);
        if (missing.isPresent()) {
            err.println(missing.get());
            return 1;
        }
        long id = board;
        Instant now = clock.instant();
        try (Database store = Databases.open(database)) {
            boolean known = new Bookkeeping(store).revokeLinks(id, now);
            if (!known) {
                err.println("There is no board " + id + " in " + database.describe() + ".");
                return 1;
            }
        }
        out.println("Every download link of board " + id + " made until " + now + " is withdrawn.");
        return 0;
    }
}
