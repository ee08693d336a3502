package io.boardclerk.bot;

import io.boardclerk.core.export.Exporter;
import io.boardclerk.storage.SqliteLedgerStore;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code java -jar boardclerk.jar} serves Teams; {@code java -jar boardclerk.jar export [--db FILE]} prints
 * everything recorded as one JSON document.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("export")) {
            System.exit(export(args, System.out, System.err));
        }
        if (args.length > 0) {
            System.err.println("Usage: java -jar boardclerk.jar [export [--db FILE]]");
            System.exit(2);
        }
        BotConfig config;
        try {
            config = BotConfig.fromEnvironment();
        } catch (BotConfig.ConfigException e) {
            System.err.println("BoardClerk cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        BoardClerkServer server = new BoardClerkServer(config, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "boardclerk-shutdown"));
    }

    static int export(String[] args, PrintStream out, PrintStream err) {
        Path db = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                db = Path.of(args[++i]);
            } else {
                err.println("Usage: java -jar boardclerk.jar export [--db FILE]");
                return 2;
            }
        }
        if (db == null) {
            try {
                db = BotConfig.fromEnvironment().database();
            } catch (BotConfig.ConfigException e) {
                err.println("BoardClerk cannot export: " + e.getMessage());
                return 2;
            }
        }
        if (!Files.isRegularFile(db)) {
            err.println("There is no BoardClerk database at " + db + ". Give one with --db FILE.");
            return 1;
        }
        try (SqliteLedgerStore store = SqliteLedgerStore.open(db)) {
            String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new Exporter(store).all());
            PrintStream utf8 = new PrintStream(out, true, StandardCharsets.UTF_8);
            utf8.println(json);
            utf8.flush();
            return 0;
        } catch (Exception e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }
}
