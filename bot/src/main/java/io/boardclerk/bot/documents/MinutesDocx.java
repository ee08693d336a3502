package io.boardclerk.bot.documents;

import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.core.view.MinutesDraft.Paragraph;
import io.boardclerk.core.view.MinutesDraft.Section;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The minutes draft as a Word document, A4 portrait, in the order of the board's own minutes:
 * <ol>
 *   <li>the marking ("OFFICIAL – DRAFT until approved"), when the board has one, as the first line and in every
 *       page's header and footer;</li>
 *   <li>the board as the title, then "Date: 26th May 2026 at 10:00" and "Location: Police Headquarters";</li>
 *   <li>"Draft: not yet approved.", or "Approved by Helen Marsh on 26th June 2026 at 11:02.";</li>
 *   <li>"Members" and "In attendance", one person a line, each list only when someone is known;</li>
 *   <li>each section as a heading "1. Welcome and Apologies" with its paragraphs: a label such as "Action:" in bold
 *       before the text, and bullet paragraphs as a bulleted list.</li>
 * </ol>
 */
public final class MinutesDocx {

    private static final int MARGIN = 1134;
    private static final ZoneId BRITISH = ZoneId.of("Europe/London");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private MinutesDocx() {
    }

    /** The draft with its approval time told in UK time. */
    public static void write(MinutesDraft draft, OutputStream out) throws IOException {
        write(draft, BRITISH, out);
    }

    /** The draft with its approval time told in the board's time zone. */
    public static void write(MinutesDraft draft, ZoneId zone, OutputStream out) throws IOException {
        try (XWPFDocument word = Docx.create(false, MARGIN, "Minutes: " + draft.title())) {
            Docx.marking(word, draft.marking());
            Docx.text(Docx.styled(word.createParagraph(), Docx.TITLE), draft.title());
            labelled(word, "Date:", draft.when());
            labelled(word, "Location:", draft.location());
            Docx.text(word.createParagraph(), approval(draft, zone)).setItalic(true);
            people(word, "Members", draft.members());
            people(word, "In attendance", draft.inAttendance());
            BigInteger bullets = null;
            for (Section section : draft.sections()) {
                Docx.text(Docx.styled(word.createParagraph(), Docx.HEADING_1), heading(section));
                for (Paragraph paragraph : section.paragraphs()) {
                    XWPFParagraph p = word.createParagraph();
                    if (paragraph.bullet()) {
                        if (bullets == null) {
                            bullets = Docx.bullets(word);
                        }
                        p.setNumID(bullets);
                        p.setNumILvl(BigInteger.ZERO);
                    }
                    if (paragraph.label() != null && !paragraph.label().isBlank()) {
                        Docx.bold(p, paragraph.label() + " ");
                    }
                    Docx.text(p, paragraph.text());
                }
            }
            word.write(out);
        }
    }

    /** "1. Welcome and Apologies"; a section without a number is headed by its words alone. */
    static String heading(Section section) {
        return section.number() == null || section.number().isBlank() ? section.heading()
                : section.number() + ". " + section.heading();
    }

    static String approval(MinutesDraft draft, ZoneId zone) {
        if (!draft.approved()) {
            return "Draft: not yet approved.";
        }
        if (draft.approvedAt() == null) {
            return "Approved by " + draft.approvedBy() + ".";
        }
        ZonedDateTime at = draft.approvedAt().atZone(zone);
        return "Approved by " + draft.approvedBy() + " on " + BritishDates.formatLong(at.toLocalDate()) + " at "
                + CLOCK.format(at) + ".";
    }

    private static void labelled(XWPFDocument word, String label, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        XWPFParagraph paragraph = word.createParagraph();
        Docx.bold(paragraph, label + " ");
        Docx.text(paragraph, text);
    }

    private static void people(XWPFDocument word, String heading, List<String> people) {
        if (people.isEmpty()) {
            return;
        }
        Docx.text(Docx.styled(word.createParagraph(), Docx.HEADING_2), heading);
        for (String person : people) {
            XWPFParagraph line = word.createParagraph();
            line.setSpacingAfter(0);
            Docx.text(line, person);
        }
    }
}
