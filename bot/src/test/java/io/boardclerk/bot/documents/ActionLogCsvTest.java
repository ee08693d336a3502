package io.boardclerk.bot.documents;

import io.boardclerk.core.view.ActionLogDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionLogCsvTest {

    @Test
    void theLogReadsAsTheBoardsOwnColumnsWithBritishDatesAndTheLatestUpdate() throws Exception {
        byte[] csv = Fixtures.bytes(out -> ActionLogCsv.write(Fixtures.actionLog(null), out));
        assertEquals(0xEF, csv[0] & 0xFF, "UTF-8 byte order mark, for Excel");
        assertEquals(0xBB, csv[1] & 0xFF);
        assertEquals(0xBF, csv[2] & 0xFF);

        List<List<String>> rows = Fixtures.parseCsv(csv);
        assertEquals(List.of("Action log: Business Coordination Board, 23/11/2026"), rows.get(0));
        assertEquals(List.of(""), rows.get(1), "a blank line under the header");
        assertEquals(ActionLogDocument.COLUMNS, rows.get(2));
        assertEquals(List.of("6.0", "26/05/2026", "5.7", "Chief Constable to report back to the July Board on the "
                + "reasons for the increase in sickness levels.", "Constabulary", "14/07/2026",
                "Update: to report back in November, with \"full\" figures.", "18/09/2026", "ongoing"), rows.get(3));
        assertEquals("the next Board", rows.get(4).get(5), "an unresolved meeting target keeps its words");
        assertEquals("", rows.get(4).get(6), "no update yet");
        assertEquals("", rows.get(4).get(7));
        assertEquals("on-going", rows.get(5).get(5));
        assertEquals(6, rows.size());
        for (List<String> row : rows.subList(2, rows.size())) {
            assertEquals(9, row.size(), row.toString());
        }
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() throws Exception {
        List<List<String>> rows = Fixtures.parseCsv(Fixtures.bytes(out -> ActionLogCsv.write(
                Fixtures.actionLog(null), out)));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", rows.get(4).get(3));
        assertEquals("'+44 Jo Grant; OPCC", rows.get(4).get(4));
        assertEquals("'-2+3 estates review", rows.get(5).get(3));
        assertEquals("'@Finance", rows.get(5).get(4));
        assertEquals("'\tDone, see report", rows.get(5).get(6));
        assertEquals("'\rx", ActionLogCsv.defuse("\rx"));
        assertEquals("plain = text", ActionLogCsv.defuse("plain = text"));
        for (List<String> row : rows) {
            for (String cell : row) {
                assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, cell);
            }
        }
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", ActionLogCsv.cell("plain"));
        assertEquals("\"a, b\"", ActionLogCsv.cell("a, b"));
        assertEquals("\"say \"\"hello\"\"\"", ActionLogCsv.cell("say \"hello\""));
        assertEquals("\"two\r\nlines\"", ActionLogCsv.cell("two\r\nlines"));
        assertEquals("\"one\nline\"", ActionLogCsv.cell("one\nline"));
        assertEquals("", ActionLogCsv.cell(null));
    }

    @Test
    void theMarkingLeadsWhenTheBoardHasOne() throws Exception {
        List<List<String>> rows = Fixtures.parseCsv(Fixtures.bytes(out -> ActionLogCsv.write(
                Fixtures.actionLog("OFFICIAL-SENSITIVE"), out)));
        assertEquals(List.of("OFFICIAL-SENSITIVE"), rows.get(0));
        assertEquals(List.of("Action log: Business Coordination Board, 23/11/2026"), rows.get(1));
        assertEquals(ActionLogDocument.COLUMNS, rows.get(3));
    }

    @Test
    void anEmptyLogStillHasItsHeaderAndColumns() throws Exception {
        ActionLogDocument empty = new ActionLogDocument(1, "Finance, Audit & \"Risk\"", Fixtures.AS_OF, null,
                List.of());
        List<List<String>> rows = Fixtures.parseCsv(Fixtures.bytes(out -> ActionLogCsv.write(empty, out)));
        assertEquals(List.of("Action log: Finance, Audit & \"Risk\", 23/11/2026"), rows.get(0));
        assertEquals(ActionLogDocument.COLUMNS, rows.get(2));
        assertEquals(3, rows.size());
    }
}
