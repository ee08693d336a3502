package io.boardclerk.bot.documents;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionLogDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionLogDocxTest {

    private static XWPFDocument open(ActionLogDocument log) throws Exception {
        return new XWPFDocument(Fixtures.stream(Fixtures.bytes(out -> ActionLogDocx.write(log, out))));
    }

    @Test
    void aLandscapeTableInTheBoardsColumnsUnderTheBoardAndTheDate() throws Exception {
        try (XWPFDocument doc = open(Fixtures.actionLog("OFFICIAL"))) {
            CTPageSz page = doc.getDocument().getBody().getSectPr().getPgSz();
            assertEquals(STPageOrientation.LANDSCAPE, page.getOrient());
            assertTrue(((BigInteger) page.getW()).compareTo((BigInteger) page.getH()) > 0, "wider than tall");

            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            assertEquals("OFFICIAL", paragraphs.get(0).getText(), "the marking comes first");
            assertEquals("Action log: Business Coordination Board, 23/11/2026", paragraphs.get(1).getText());
            assertEquals(Docx.TITLE, paragraphs.get(1).getStyle());
            assertTrue(doc.getStyles().styleExist(Docx.TITLE), "the title style is defined, not just named");
            assertEquals("Action log: Business Coordination Board, 23/11/2026",
                    doc.getProperties().getCoreProperties().getTitle());

            XWPFTable table = doc.getTables().get(0);
            XWPFTableRow heading = table.getRow(0);
            assertTrue(heading.isRepeatHeader(), "the heading row repeats on every page");
            assertEquals(ActionLogDocument.COLUMNS, heading.getTableCells().stream().map(XWPFTableCell::getText)
                    .toList());
            assertEquals(4, table.getNumberOfRows());
            List<String> six = texts(table.getRow(1));
            assertEquals(List.of("6.0", "26/05/2026", "5.7"), six.subList(0, 3));
            assertEquals("Constabulary", six.get(4));
            assertEquals("14/07/2026", six.get(5));
            assertEquals("18/09/2026", six.get(7), "the latest update's date");
            assertEquals("ongoing", six.get(8));
            List<XWPFParagraph> updates = table.getRow(1).getCell(6).getParagraphs();
            assertEquals(2, updates.size(), "every update, each on its own line");
            assertEquals("14/07/2026: A paper was initially requested for July.", updates.get(0).getText());
            assertEquals("18/09/2026: Update: to report back in November, with \"full\" figures.",
                    updates.get(1).getText(), "the latest last");
            assertEquals("the next Board", texts(table.getRow(2)).get(5));
            assertEquals("=HYPERLINK(\"http://evil.example\",\"click\")", texts(table.getRow(2)).get(3),
                    "Word runs no formulas: the text stays as written");
        }
    }

    @Test
    void theMarkingIsInEveryPagesHeaderAndFooter() throws Exception {
        try (XWPFDocument doc = open(Fixtures.actionLog("OFFICIAL-SENSITIVE"))) {
            assertEquals("OFFICIAL-SENSITIVE", doc.getHeaderFooterPolicy().getDefaultHeader().getText().trim());
            assertEquals("OFFICIAL-SENSITIVE", doc.getHeaderFooterPolicy().getDefaultFooter().getText().trim());
        }
    }

    @Test
    void withoutAMarkingThereIsNoMarkingLineNorHeader() throws Exception {
        try (XWPFDocument doc = open(Fixtures.actionLog(null))) {
            assertEquals("Action log: Business Coordination Board, 23/11/2026", doc.getParagraphs().get(0).getText());
            assertTrue(doc.getHeaderList().isEmpty());
            assertNull(doc.getHeaderFooterPolicy() == null ? null : doc.getHeaderFooterPolicy().getDefaultHeader());
        }
    }

    @Test
    void textThatXmlCannotHoldIsDroppedAndLineBreaksKept() throws Exception {
        ActionLogDocument log = new ActionLogDocument(1, "Board \u0001<&>", Fixtures.AS_OF, null, List.of(
                Fixtures.row(1, "first line\nsecond line\u0000\uFFFF \uD83D\uDE00 \uD800", "OPCC", "26/05/2027",
                        LocalDate.of(2027, 5, 26), ActionStatus.OPEN,
                        new ActionUpdate(LocalDate.of(2026, 6, 1), "one", "x"))));
        try (XWPFDocument doc = open(log)) {
            assertEquals("Action log: Board <&>, 23/11/2026", doc.getParagraphs().get(0).getText());
            assertEquals("first line\nsecond line \uD83D\uDE00 ", doc.getTables().get(0).getRow(1).getCell(3).getText());
            assertEquals("one", doc.getTables().get(0).getRow(1).getCell(6).getText(), "a single update is undated");
        }
    }

    private static List<String> texts(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }
}
