package io.boardclerk.bot.documents;

import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.core.view.ActionRow;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * The action log as a Word document: A4 landscape; the protective marking (when the board has one) at the top and
 * in every page's header and footer; "Action log: Business Coordination Board, 23/11/2026" as the title; then one
 * table in the board's own columns, its heading row repeated on every page.
 * <p>
 * The cells read as the CSV's do (British dates; TARGET DATE the resolved date, else the target's words), with one
 * difference: the UPDATE cell lists every update, oldest first and each on its own line, with its date when there
 * is more than one, so the latest is last; UPDATE DATE is the latest update's date.
 */
public final class ActionLogDocx {

    private static final boolean LANDSCAPE = true;
    private static final int MARGIN = 851;
    /** Relative widths of the nine columns; ACTION and UPDATE get the room. */
    private static final int[] WEIGHTS = {7, 8, 8, 22, 10, 9, 20, 8, 8};
    private static final int TABLE_FONT_POINTS = 9;
    private static final String HEADING_SHADE = "D9D9D9";

    private ActionLogDocx() {
    }

    public static void write(ActionLogDocument doc, OutputStream out) throws IOException {
        String title = ActionLogCsv.title(doc);
        try (XWPFDocument word = Docx.create(LANDSCAPE, MARGIN, title)) {
            Docx.marking(word, doc.marking());
            Docx.text(Docx.styled(word.createParagraph(), Docx.TITLE), title);
            Docx.text(word.createParagraph(), doc.rows().size() + (doc.rows().size() == 1 ? " action" : " actions")
                    + ", open and closed, in number order.");
            table(word, doc.rows());
            word.write(out);
        }
    }

    private static void table(XWPFDocument word, List<ActionRow> rows) {
        XWPFTable table = word.createTable(1, WEIGHTS.length);
        int width = Docx.textWidth(LANDSCAPE, MARGIN);
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(width));
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTblLayoutType layout = table.getCTTbl().getTblPr().isSetTblLayout()
                ? table.getCTTbl().getTblPr().getTblLayout() : table.getCTTbl().getTblPr().addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        int[] widths = new int[WEIGHTS.length];
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int i = 0; i < WEIGHTS.length; i++) {
            widths[i] = width * WEIGHTS[i] / 100;
            grid.addNewGridCol().setW(BigInteger.valueOf(widths[i]));
        }

        XWPFTableRow heading = table.getRow(0);
        heading.setRepeatHeader(true);
        heading.setCantSplitRow(true);
        for (int i = 0; i < WEIGHTS.length; i++) {
            XWPFTableCell cell = heading.getCell(i);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(Integer.toString(widths[i]));
            cell.setColor(HEADING_SHADE);
            small(Docx.bold(cell.getParagraphs().get(0), ActionLogDocument.COLUMNS.get(i)));
        }
        for (ActionRow action : rows) {
            XWPFTableRow row = table.createRow();
            List<String> cells = ActionLogCsv.cells(action);
            for (int i = 0; i < WEIGHTS.length; i++) {
                XWPFTableCell cell = row.getCell(i);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(Integer.toString(widths[i]));
                if (i == 6) {
                    updates(cell, action.updates());
                } else {
                    small(Docx.text(cell.getParagraphs().get(0), cells.get(i)));
                }
            }
        }
    }

    /** Every update, oldest first; dated in the cell when there are several, so the history reads in order. */
    private static void updates(XWPFTableCell cell, List<ActionUpdate> updates) {
        boolean dated = updates.size() > 1;
        for (int i = 0; i < updates.size(); i++) {
            ActionUpdate update = updates.get(i);
            XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            if (dated) {
                small(Docx.bold(paragraph, ActionLogCsv.date(update.date()) + ": "));
            }
            small(Docx.text(paragraph, update.text()));
        }
    }

    private static void small(XWPFRun run) {
        run.setFontSize(TABLE_FONT_POINTS);
    }
}
