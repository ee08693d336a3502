package io.boardclerk.bot;

import io.boardclerk.bot.documents.DownloadLinks;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code java -jar boardclerk.jar} serves Teams; {@code java -jar boardclerk.jar export} writes everything recorded
 * as one JSON document, or with {@code --format csv|docx} one board's action log; {@code check} starts it on a
 * temporary database and asks its health ({@link StartCheck}); {@code revoke-links} and {@code copy-to-postgres} are
 * the admin's ({@link RevokeLinksCommand}, {@link CopyToPostgresCommand}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("export")) {
            System.exit(export(args, System.out, System.err));
        }
        if (args.length == 1 && args[0].equals("check")) {
            System.exit(StartCheck.run(System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("revoke-links")) {
            System.exit(RevokeLinksCommand.run(args, System.out, System.err, Clock.systemUTC()));
        }
        if (args.length > 0 && args[0].equals("copy-to-postgres")) {
            System.exit(CopyToPostgresCommand.run(args, System.getenv(), System.out, System.err));
        }
        if (args.length > 0) {
            System.err.println("Usage: java -jar boardclerk.jar [check | export [--format csv|docx|json] [--board ID] "
                    + "[--out FILE] [--db FILE] | revoke-links --board ID [--db FILE] | copy-to-postgres [--db FILE]]");
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
        BoardClerkServer server;
        try {
            server = new BoardClerkServer(config, clock(config)).start();
        } catch (DownloadLinks.KeyUnavailable e) {
            System.err.println("BoardClerk cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "boardclerk-shutdown"));
    }

    /** The real clock; in local mode with BOARDCLERK_CLOCK_START, one that starts there and runs on in real time. */
    static Clock clock(BotConfig config) {
        Clock system = Clock.systemUTC();
        return config.clockStart() == null ? system
                : Clock.offset(system, Duration.between(system.instant(), config.clockStart()));
    }

    static int export(String[] args, PrintStream out, PrintStream err) {
        return export(args, out, err, System.console() != null, Clock.systemUTC());
    }

    /**
     * @param terminal whether standard output is a terminal: a Word document is not written to one
     */
    static int export(String[] args, PrintStream out, PrintStream err, boolean terminal, Clock clock) {
        return ExportCommand.run(args, out, err, terminal, clock);
    }
}
