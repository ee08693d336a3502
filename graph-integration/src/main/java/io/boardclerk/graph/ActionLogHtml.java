package io.boardclerk.graph;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.view.ActionLogView;
import io.boardclerk.core.view.ActionRow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The action-log summary as the HTML of Teams chat messages: a heading, the counts, then each section as a
 * {@code <table>} in the board's columns (No., Meeting/Item, Action, Owner, Target, Update, Status).
 *
 * <p>Every string that came from a person (board name, action text, owners, targets, updates, item numbers) is
 * HTML-escaped, so nothing anyone typed becomes markup, a link or a script. A Teams message holds about 28 KB; the
 * summary is split into messages of at most {@link #MAX_BYTES} bytes of HTML (a table's heading row repeats in each),
 * and a very long cell is shortened so that any one row fits.
 */
public final class ActionLogHtml {

    /** The most HTML one message carries: under Teams' ~28 KB, leaving room for the message's JSON around it. */
    public static final int MAX_BYTES = 24_000;
    /** A cell longer than this is shortened (the full text is in the exports). */
    static final int MAX_CELL_CHARS = 1_500;

    static final List<String> COLUMNS = List.of("No.", "Meeting/Item", "Action", "Owner", "Target", "Update",
            "Status");

    private ActionLogHtml() {
    }

    /** The summary in as many messages as it takes, each at most {@code maxBytes} of HTML. */
    public static List<String> messages(ActionLogView view, int maxBytes) {
        String heading = heading(view);
        List<StringBuilder> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder(heading);
        int reserve = "<p><em>Part 99 of 99</em></p>".length();
        for (ActionLogView.Section section : view.sections()) {
            String title = "<h3>" + esc(section.title()) + "</h3>";
            String open = "<table>" + headRow() + "<tbody>";
            String close = "</tbody></table>";
            boolean tableOpen = false;
            for (ActionRow row : section.rows()) {
                String tr = row(view, section, row);
                int needed = (tableOpen ? 0 : title.length() + open.length()) + bytes(tr) + close.length();
                if (bytes(current) + needed + reserve > maxBytes && current.length() > heading.length()) {
                    if (tableOpen) {
                        current.append(close);
                    }
                    parts.add(current);
                    current = new StringBuilder(continued(view));
                    tableOpen = false;
                }
                if (!tableOpen) {
                    current.append(title).append(open);
                    tableOpen = true;
                }
                current.append(tr);
            }
            if (tableOpen) {
                current.append(close);
            }
        }
        parts.add(current);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(parts.size() == 1 ? parts.get(i).toString()
                    : parts.get(i) + "<p><em>Part " + (i + 1) + " of " + parts.size() + "</em></p>");
        }
        return out;
    }

    /**
     * One message for a log too long to post whole: the heading and counts, the overdue actions as far as they fit,
     * and a link to the full log.
     *
     * @param link      a signed, expiring download address of the full log (Word)
     * @param linkWords what the link is, in words ("the full action log (Word), for 24 hours")
     */
    public static String summaryWithLink(ActionLogView view, String link, String linkWords, int maxBytes) {
        StringBuilder html = new StringBuilder(heading(view));
        String linkPara = "<p>The whole log is too long for Teams messages: <a href=\"" + esc(link) + "\">"
                + esc(linkWords) + "</a>.</p>";
        html.append(linkPara);
        for (ActionLogView.Section section : view.sections()) {
            if (section.kind() != ActionLogView.Kind.OVERDUE) {
                continue;
            }
            String title = "<h3>" + esc(section.title()) + "</h3><table>" + headRow() + "<tbody>";
            String close = "</tbody></table>";
            StringBuilder rows = new StringBuilder();
            int shown = 0;
            for (ActionRow row : section.rows()) {
                String tr = row(view, section, row);
                if (bytes(html) + title.length() + rows.length() + bytes(tr) + close.length() + 200 > maxBytes) {
                    break;
                }
                rows.append(tr);
                shown++;
            }
            if (shown > 0) {
                html.append(title).append(rows).append(close);
                if (shown < section.rows().size()) {
                    html.append("<p>and ").append(section.rows().size() - shown).append(" more overdue in the full "
                            + "log.</p>");
                }
            }
        }
        return html.toString();
    }

    private static String heading(ActionLogView view) {
        ActionLogView.Counts c = view.counts();
        return "<h2>Action log: " + esc(view.boardName()) + ", " + BritishDates.format(view.asOf()) + "</h2>"
                + "<p>" + c.open() + " open (" + c.overdue() + " overdue, " + c.dueThisMeeting() + " due at "
                + (view.meeting() == null ? "the next meeting" : "the meeting of " + esc(view.meeting())) + ", "
                + c.awaitingClosure() + " complete and awaiting the board's closure); " + c.closedSinceLastMeeting()
                + " closed since the last meeting.</p>";
    }

    private static String continued(ActionLogView view) {
        return "<p><strong>Action log: " + esc(view.boardName()) + ", " + BritishDates.format(view.asOf())
                + " (continued)</strong></p>";
    }

    private static String headRow() {
        StringBuilder tr = new StringBuilder("<thead><tr>");
        for (String column : COLUMNS) {
            tr.append("<th>").append(column).append("</th>");
        }
        return tr.append("</tr></thead>").toString();
    }

    private static String row(ActionLogView view, ActionLogView.Section section, ActionRow row) {
        ActionUpdate latest = row.latestUpdate();
        String meeting = (row.raisedOn() == null ? "" : BritishDates.format(row.raisedOn()))
                + (row.agendaItem() == null || row.agendaItem().isBlank() ? ""
                : (row.raisedOn() == null ? "" : "\n") + "Item " + row.agendaItem());
        String update = latest == null ? "" : latest.text() + "\n(" + BritishDates.format(latest.date()) + ")";
        return "<tr>" + cell(row.displayNumber()) + cell(meeting) + cell(row.text()) + cell(row.owners())
                + cell(row.target()) + cell(update) + cell(status(view, section, row)) + "</tr>";
    }

    /** The status in words; overdue is said in words and marked, never shown by colour alone. */
    static String status(ActionLogView view, ActionLogView.Section section, ActionRow row) {
        ActionStatus status = row.status() == null ? ActionStatus.OPEN : row.status();
        boolean open = status == ActionStatus.OPEN || status == ActionStatus.ONGOING;
        boolean overdue = section.kind() == ActionLogView.Kind.OVERDUE
                || open && row.targetDate() != null && view.asOf() != null && row.targetDate().isBefore(view.asOf());
        String word = status == ActionStatus.COMPLETE ? "complete, awaiting the board's closure" : status.word();
        return overdue ? "⚠ OVERDUE, " + word : word;
    }

    private static String cell(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > MAX_CELL_CHARS) {
            value = value.substring(0, MAX_CELL_CHARS) + "…";
        }
        return "<td>" + esc(value).replace("\r\n", "\n").replace("\n", "<br>") + "</td>";
    }

    /** HTML-escapes text for an element or a quoted attribute. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int bytes(CharSequence html) {
        return html.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
