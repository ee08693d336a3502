package io.boardclerk.bot;

import io.boardclerk.bot.documents.ActionLogCsv;
import io.boardclerk.bot.documents.ActionLogDocx;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.core.export.BoardExport;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.storage.SqliteLedgerStore;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code java -jar boardclerk.jar} serves Teams; {@code java -jar boardclerk.jar export} writes everything recorded
 * as one JSON document, or with {@code --format csv|docx} one board's action log.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("export")) {
            System.exit(export(args, System.out, System.err));
        }
        if (args.length > 0) {
            System.err.println("Usage: java -jar boardclerk.jar [export [--format csv|docx|json] [--board ID] "
                    + "[--out FILE] [--db FILE]]");
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
            server = new BoardClerkServer(config, Clock.systemUTC()).start();
        } catch (DownloadLinks.KeyUnavailable e) {
            System.err.println("BoardClerk cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "boardclerk-shutdown"));
    }

    static int export(String[] args, PrintStream out, PrintStream err) {
        return export(args, out, err, System.console() != null, Clock.systemUTC());
    }

    /**
     * @param terminal whether standard output is a terminal: a Word document is not written to one
     */
    static int export(String[] args, PrintStream out, PrintStream err, boolean terminal, Clock clock) {
        ExportOptions options;
        try {
            options = ExportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(EXPORT_USAGE);
            return 2;
        }
        BotConfig config;
        try {
            config = BotConfig.fromEnvironment();
        } catch (BotConfig.ConfigException e) {
            err.println("BoardClerk cannot export: " + e.getMessage());
            return 2;
        }
        Path db = options.db() != null ? options.db() : config.database();
        if (!Files.isRegularFile(db)) {
            err.println("There is no BoardClerk database at " + db + ". Give one with --db FILE.");
            return 1;
        }
        if (options.format().equals("docx") && options.out() == null && terminal) {
            err.println("A Word document is not for the terminal: give --out FILE, or redirect the output to a file.");
            return 2;
        }
        try (SqliteLedgerStore store = SqliteLedgerStore.open(db)) {
            Exporter exporter = new Exporter(store);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String what;
            if (options.format().equals("json")) {
                BoardExport.Document document;
                if (options.board() == null) {
                    document = exporter.all();
                } else {
                    Optional<BoardExport.Document> one = exporter.board(options.board());
                    if (one.isEmpty()) {
                        err.println(noSuchBoard(options.board(), exporter.all()));
                        return 1;
                    }
                    document = one.get();
                }
                bytes.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
                bytes.write('\n');
                what = "the export";
            } else {
                BoardExport.Document all = exporter.all();
                long board;
                if (options.board() != null) {
                    board = options.board();
                } else if (all.boards().size() == 1) {
                    board = all.boards().get(0).id();
                } else {
                    err.println(all.boards().isEmpty() ? "The database at " + db + " holds no boards yet."
                            : "The database holds " + all.boards().size() + " boards; say which with --board ID:"
                            + boardList(all));
                    return all.boards().isEmpty() ? 1 : 2;
                }
                LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
                Optional<ActionLogDocument> log = exporter.actionLog(board, today);
                if (log.isEmpty()) {
                    err.println(noSuchBoard(board, all));
                    return 1;
                }
                if (options.format().equals("csv")) {
                    ActionLogCsv.write(log.get(), bytes);
                } else {
                    ActionLogDocx.write(log.get(), bytes);
                }
                what = "the action log of " + log.get().boardName();
            }
            if (options.out() != null) {
                Files.write(options.out(), bytes.toByteArray());
                err.println("Wrote " + what + " to " + options.out() + ".");
            } else {
                bytes.writeTo(out);
                out.flush();
            }
            return 0;
        } catch (Exception e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }

    static final String EXPORT_USAGE = "Usage: java -jar boardclerk.jar export [--format csv|docx|json] [--board ID] "
            + "[--out FILE] [--db FILE]";

    private static String noSuchBoard(long id, BoardExport.Document all) {
        return "There is no board " + id + "." + (all.boards().isEmpty() ? "" : " The boards are:" + boardList(all));
    }

    private static String boardList(BoardExport.Document all) {
        StringBuilder list = new StringBuilder();
        for (BoardExport.BoardDoc board : all.boards()) {
            list.append(System.lineSeparator()).append("  ").append(board.id()).append("  ").append(board.name());
        }
        return list.toString();
    }

    /** The export command's options; json is the default format, and every board its default scope. */
    record ExportOptions(String format, Long board, Path out, Path db) {

        static ExportOptions parse(String[] args) {
            String format = "json";
            Long board = null;
            Path out = null;
            Path db = null;
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (!option.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Unexpected \"" + option + "\".");
                }
                String value = args[++i];
                switch (option) {
                    case "--format" -> {
                        if (!value.equals("csv") && !value.equals("docx") && !value.equals("json")) {
                            throw new IllegalArgumentException("--format is csv, docx or json, not \"" + value
                                    + "\".");
                        }
                        format = value;
                    }
                    case "--board" -> {
                        try {
                            board = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--board takes a board's id (a number), not \""
                                    + value + "\".");
                        }
                    }
                    case "--out" -> out = Path.of(value);
                    case "--db" -> db = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option \"" + option + "\".");
                }
            }
            return new ExportOptions(format, board, out, db);
        }
    }
}
