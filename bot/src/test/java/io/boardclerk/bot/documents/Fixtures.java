package io.boardclerk.bot.documents;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.core.view.ActionRow;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.core.view.MinutesDraft.Paragraph;
import io.boardclerk.core.view.MinutesDraft.Section;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A realistic action log and minutes draft built from the core's read models, and a CSV reader for checking. */
final class Fixtures {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private Fixtures() {
    }

    static ActionRow row(int number, String text, String owners, String target, LocalDate targetDate,
                         ActionStatus status, ActionUpdate... updates) {
        return new ActionRow(number * 10L, number, LocalDate.of(2026, 5, 26), "5.7", text, owners, target, targetDate,
                List.of(updates), status, 1);
    }

    static ActionLogDocument actionLog(String marking) {
        return new ActionLogDocument(7, "Business Coordination Board", AS_OF, marking, List.of(
                row(6, "Chief Constable to report back to the July Board on the reasons for the increase in "
                                + "sickness levels.", "Constabulary", "the July 2026 Board (14/07/2026)",
                        LocalDate.of(2026, 7, 14), ActionStatus.ONGOING,
                        new ActionUpdate(LocalDate.of(2026, 7, 14), "A paper was initially requested for July.",
                                "Jon Leigh"),
                        new ActionUpdate(LocalDate.of(2026, 9, 18), "Update: to report back in November, "
                                + "with \"full\" figures.", "Jane Gifford")),
                row(12, "=HYPERLINK(\"http://evil.example\",\"click\")", "+44 Jo Grant; OPCC", "the next Board",
                        null, ActionStatus.OPEN),
                row(13, "-2+3 estates review", "@Finance", "on-going", null, ActionStatus.COMPLETE,
                        new ActionUpdate(LocalDate.of(2026, 11, 2), "\tDone, see report", "Colin Lusk"))));
    }

    static MinutesDraft minutes(String approvedBy, Instant approvedAt) {
        return new MinutesDraft(7, 3, approvedBy == null ? "OFFICIAL – DRAFT until approved" : "OFFICIAL",
                "Business Coordination Board", LocalDate.of(2026, 5, 26), "26th May 2026 at 10:00",
                "Police Headquarters",
                List.of("Darryl Prest, Police and Crime Commissioner (Chair)",
                        "Jon Leigh, Chief Finance Officer and Director of Resources"),
                List.of("Claire Dunmore, Business Support Officer"),
                List.of(new Section("1", "Welcome and Apologies", List.of(Paragraph.plain(
                                "Apologies were received from Vic Evers, Assistant Chief Constable; and Colin Lusk, "
                                        + "Director of Estates."))),
                        new Section("2", "Declarations of Interest", List.of(Paragraph.plain(
                                "There were no declarations of interest."))),
                        new Section("3", "Action Log", List.of(
                                new Paragraph(null, "Action 6.0, Agenda Item 5.7, 26th May 2026 – Sickness levels",
                                        true),
                                new Paragraph("Update:", "To report back in November.", false))),
                        new Section("5.7", "Safer Streets", List.of(
                                new Paragraph("Action:", "Constabulary to bring a report on Safer Streets Project "
                                        + "to the next Board.", false))),
                        new Section("6", "Date of next meeting", List.of(Paragraph.plain(
                                "The next meeting will be held on 10th November 2026 at 14:00 at Police "
                                        + "Headquarters.")))),
                approvedBy, approvedAt);
    }

    static byte[] bytes(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    /** Reads RFC 4180 CSV (after its byte order mark) into rows of cells. */
    static List<List<String>> parseCsv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        StringReader in = new StringReader(text);
        boolean quoted = false;
        boolean started = false;
        int c;
        while ((c = in.read()) != -1) {
            started = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        in.reset();
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"') {
                if (cell.length() != 0) {
                    throw new IOException("a quote inside an unquoted cell: " + cell);
                }
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("a bare CR ends a line");
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                started = false;
            } else if (c == '\n') {
                throw new IOException("a line ends with LF, not CRLF");
            } else {
                cell.append((char) c);
            }
        }
        if (quoted) {
            throw new IOException("an unclosed quote");
        }
        if (started) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
