package io.boardclerk.bot;

import io.boardclerk.storage.DatabaseCopy;
import io.boardclerk.storage.DatabaseSettings;
import io.boardclerk.storage.StorageException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar boardclerk.jar copy-to-postgres [--db FILE]}: copies the SQLite database ({@code --db}, or
 * BOARDCLERK_DB) into the empty PostgreSQL database BOARDCLERK_DATABASE_URL names, and checks every table's row
 * count. Stop BoardClerk first, so that nothing is recorded in the SQLite file while it is copied.
 */
final class CopyToPostgresCommand {

    static final String USAGE = "Usage: java -jar boardclerk.jar copy-to-postgres [--db FILE]"
            + " (with BOARDCLERK_DATABASE_URL, BOARDCLERK_DATABASE_USER and BOARDCLERK_DATABASE_PASSWORD set)";

    private CopyToPostgresCommand() {
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        DatabaseSettings target;
        try {
            target = BotConfig.database(env);
        } catch (BotConfig.ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!target.isPostgres()) {
            err.println("BOARDCLERK_DATABASE_URL is not set: it names the PostgreSQL database to copy into.");
            err.println(USAGE);
            return 2;
        }
        Path source = file != null ? file : target.sqliteFile();
        try {
            DatabaseCopy.Result result = DatabaseCopy.copy(source, target, line -> out.println("  " + line));
            out.println("Copied " + result.total() + " rows in " + result.rows().size() + " tables from " + source
                    + " to " + target.describe() + "; every table's count matches.");
            out.println("Set BOARDCLERK_DATABASE_URL (and its user and password) for every instance, and start them.");
            return 0;
        } catch (DatabaseCopy.Refused refused) {
            err.println("Nothing was copied: " + refused.getMessage());
            return 1;
        } catch (StorageException e) {
            err.println("Nothing was copied: " + e.getMessage() + (e.getCause() == null ? ""
                    : " (" + e.getCause().getMessage() + ")"));
            return 1;
        }
    }
}
