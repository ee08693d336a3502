package io.boardclerk.bot;

import io.boardclerk.bot.documents.ActionLogCsv;
import io.boardclerk.bot.documents.ActionLogDocx;
import io.boardclerk.core.export.BoardExport;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.storage.Database;
import io.boardclerk.storage.DatabaseSettings;
import io.boardclerk.storage.Databases;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code export [--format csv|docx|json] [--board ID] [--out FILE] [--db FILE]}: everything recorded as JSON (the
 * default, every board unless {@code --board}), or one board's action log as CSV or Word. With one board in the
 * database {@code --board} may be left out; otherwise the command lists the boards. A Word document goes to
 * {@code --out}, or to standard output only when that is not a terminal.
 */
final class ExportCommand {

    private ExportCommand() {
    }

    /**
     * @param terminal whether standard output is a terminal: a Word document is not written to one
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal, Clock clock) {
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
        DatabaseSettings db = AdminDatabase.choose(config.database(), options.db());
        java.util.Optional<String> missing = AdminDatabase.missing(db);
        if (missing.isPresent()) {
            err.println(missing.get());
            return 1;
        }
        if (options.format().equals("docx") && options.out() == null && terminal) {
            err.println("A Word document is not for the terminal: give --out FILE, or redirect the output to a file.");
            return 2;
        }
        try (Database store = Databases.open(db)) {
            Exporter exporter = new Exporter(store);
            LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
            Output output = options.format().equals("json") ? json(exporter, options)
                    : actionLog(exporter, options, db, today);
            if (options.out() != null) {
                Files.write(options.out(), output.bytes());
                err.println("Wrote " + output.what() + " to " + options.out() + ".");
            } else {
                out.write(output.bytes());
                out.flush();
            }
            return 0;
        } catch (Refused refused) {
            err.println(refused.getMessage());
            return refused.status;
        } catch (Exception e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }

    /** What was exported, in words, and its bytes. */
    private record Output(String what, byte[] bytes) {
    }

    /** The export cannot go ahead as asked; the message says why, the status is the exit code. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static Output json(Exporter exporter, ExportOptions options) throws Exception {
        BoardExport.Document document = options.board() == null ? exporter.all()
                : exporter.board(options.board()).orElseThrow(() -> noSuchBoard(options.board(), exporter.all()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        bytes.write('\n');
        return new Output("the export", bytes.toByteArray());
    }

    private static Output actionLog(Exporter exporter, ExportOptions options, DatabaseSettings db, LocalDate today)
            throws Exception {
        BoardExport.Document all = exporter.all();
        long board;
        if (options.board() != null) {
            board = options.board();
        } else if (all.boards().size() == 1) {
            board = all.boards().get(0).id();
        } else if (all.boards().isEmpty()) {
            throw new Refused(1, "The database (" + db.describe() + ") holds no boards yet.");
        } else {
            throw new Refused(2, "The database holds " + all.boards().size() + " boards; say which with --board ID:"
                    + boardList(all));
        }
        ActionLogDocument log = exporter.actionLog(board, today).orElseThrow(() -> noSuchBoard(board, all));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (options.format().equals("csv")) {
            ActionLogCsv.write(log, bytes);
        } else {
            ActionLogDocx.write(log, bytes);
        }
        return new Output("the action log of " + log.boardName(), bytes.toByteArray());
    }

    static final String EXPORT_USAGE = "Usage: java -jar boardclerk.jar export [--format csv|docx|json] [--board ID] "
            + "[--out FILE] [--db FILE]";

    private static Refused noSuchBoard(long id, BoardExport.Document all) {
        return new Refused(1, "There is no board " + id + "." + (all.boards().isEmpty() ? ""
                : " The boards are:" + boardList(all)));
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
