package io.boardclerk.bot.documents;

import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.core.view.ActionRow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The action log as CSV, laid out for a spreadsheet user:
 * <pre>
 * OFFICIAL                                              (only when the board has a marking)
 * Action log: Business Coordination Board, 23/11/2026
 *                                                       (a blank line)
 * ACTION NO.,MEETING DATE RAISED,...,STATUS             (the board's own columns)
 * 12.0,26/05/2026,5.7,...,open                          (one row an action, by number)
 * </pre>
 * Dates are British (dd/mm/yyyy). TARGET DATE is the date the target resolves to, or the target's words while it
 * has none ("the next Board", "on-going"). UPDATE and UPDATE DATE are the latest update and its date.
 * <p>
 * RFC 4180: CRLF line ends, a cell quoted when it holds a comma, quote or line break. UTF-8 with a byte order mark
 * so that Excel reads it as UTF-8. A cell beginning with {@code = + - @}, a tab or a carriage return starts with an
 * apostrophe, so that no spreadsheet runs it as a formula.
 */
public final class ActionLogCsv {

    private static final String CRLF = "\r\n";
    private static final char BOM = '\uFEFF';

    private ActionLogCsv() {
    }

    public static void write(ActionLogDocument doc, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        if (doc.marking() != null && !doc.marking().isBlank()) {
            line(writer, List.of(doc.marking()));
        }
        line(writer, List.of(title(doc)));
        writer.write(CRLF);
        line(writer, ActionLogDocument.COLUMNS);
        for (ActionRow row : doc.rows()) {
            line(writer, cells(row));
        }
        writer.flush();
    }

    /** "Action log: Business Coordination Board, 23/11/2026": the board and the date, for every format's header. */
    static String title(ActionLogDocument doc) {
        return "Action log: " + doc.boardName() + ", " + BritishDates.format(doc.asOf());
    }

    /** The nine cells of one action, in the order of {@link ActionLogDocument#COLUMNS}. */
    static List<String> cells(ActionRow row) {
        ActionUpdate latest = row.latestUpdate();
        List<String> cells = new ArrayList<>(9);
        cells.add(row.displayNumber());
        cells.add(date(row.raisedOn()));
        cells.add(row.agendaItem());
        cells.add(row.text());
        cells.add(row.owners());
        cells.add(targetDate(row));
        cells.add(latest == null ? "" : latest.text());
        cells.add(latest == null ? "" : date(latest.date()));
        cells.add(row.status().word());
        return cells;
    }

    /** The TARGET DATE cell, shared with the Word log: the resolved date, else the target's own words. */
    static String targetDate(ActionRow row) {
        return row.targetDate() != null ? BritishDates.format(row.targetDate()) : nullToEmpty(row.target());
    }

    static String date(LocalDate date) {
        return date == null ? "" : BritishDates.format(date);
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write(CRLF);
    }

    /** One cell: defused against formulas, then quoted if RFC 4180 needs it. */
    static String cell(String raw) {
        String value = defuse(nullToEmpty(raw));
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** A leading apostrophe for a cell a spreadsheet would read as a formula. */
    static String defuse(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
