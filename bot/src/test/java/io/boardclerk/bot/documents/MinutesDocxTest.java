package io.boardclerk.bot.documents;

import io.boardclerk.core.view.MinutesDraft;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinutesDocxTest {

    private static XWPFDocument open(MinutesDraft draft) throws Exception {
        return new XWPFDocument(Fixtures.stream(Fixtures.bytes(out -> MinutesDocx.write(draft,
                ZoneId.of("Europe/London"), out))));
    }

    @Test
    void theDraftReadsInTheOrderOfTheBoardsOwnMinutes() throws Exception {
        try (XWPFDocument doc = open(Fixtures.minutes(null, null))) {
            assertEquals(STPageOrientation.PORTRAIT, doc.getDocument().getBody().getSectPr().getPgSz().getOrient());
            List<String> lines = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals(List.of(
                    "OFFICIAL – DRAFT until approved",
                    "Business Coordination Board",
                    "Date: 26th May 2026 at 10:00",
                    "Location: Police Headquarters",
                    "Draft: not yet approved.",
                    "Members",
                    "Darryl Prest, Police and Crime Commissioner (Chair)",
                    "Jon Leigh, Chief Finance Officer and Director of Resources",
                    "In attendance",
                    "Claire Dunmore, Business Support Officer",
                    "1. Welcome and Apologies",
                    "Apologies were received from Vic Evers, Assistant Chief Constable; and Colin Lusk, Director of "
                            + "Estates.",
                    "2. Declarations of Interest",
                    "There were no declarations of interest.",
                    "3. Action Log",
                    "Action 6.0, Agenda Item 5.7, 26th May 2026 – Sickness levels",
                    "Update: To report back in November.",
                    "5.7. Safer Streets",
                    "Action: Constabulary to bring a report on Safer Streets Project to the next Board.",
                    "6. Date of next meeting",
                    "The next meeting will be held on 10th November 2026 at 14:00 at Police Headquarters."), lines);

            List<XWPFParagraph> p = doc.getParagraphs();
            assertEquals(Docx.MARKING, p.get(0).getStyle());
            assertEquals(Docx.TITLE, p.get(1).getStyle());
            assertEquals(Docx.HEADING_2, p.get(5).getStyle());
            for (int heading : new int[]{10, 12, 14, 17, 19}) {
                assertEquals(Docx.HEADING_1, p.get(heading).getStyle(), lines.get(heading));
            }
            assertTrue(doc.getStyles().styleExist(Docx.HEADING_1));

            XWPFParagraph bullet = p.get(15);
            assertNotNull(bullet.getNumID(), "a bullet paragraph is a list item");
            assertEquals("bullet", bullet.getNumFmt());
            assertNull(p.get(16).getNumID(), "an ordinary paragraph is not");

            XWPFParagraph update = p.get(16);
            assertTrue(update.getRuns().get(0).isBold(), "the label is a bold run-in");
            assertEquals("Update: ", update.getRuns().get(0).text());
            assertTrue(!update.getRuns().get(1).isBold(), "the text after it is not bold");

            assertEquals("OFFICIAL – DRAFT until approved",
                    doc.getHeaderFooterPolicy().getDefaultHeader().getText().trim());
            assertEquals("OFFICIAL – DRAFT until approved",
                    doc.getHeaderFooterPolicy().getDefaultFooter().getText().trim());
        }
    }

    @Test
    void approvedMinutesSayWhoApprovedThemAndWhen() throws Exception {
        try (XWPFDocument doc = open(Fixtures.minutes("Darryl Prest", Instant.parse("2026-06-30T10:02:00Z")))) {
            assertEquals("OFFICIAL", doc.getParagraphs().get(0).getText());
            assertEquals("Approved by Darryl Prest on 30th June 2026 at 11:02.", doc.getParagraphs().get(4).getText(),
                    "in UK time: British Summer Time in June");
        }
    }

    @Test
    void aBoardWithoutMarkingGetsNoMarkingLineAndEmptyListsAreLeftOut() throws Exception {
        MinutesDraft draft = new MinutesDraft(1, 2, null, "Finance Sub-Group", null, "3rd March 2027",
                "Via Microsoft Teams", List.of(), List.of(), List.of(), null, null);
        try (XWPFDocument doc = open(draft)) {
            assertEquals(List.of("Finance Sub-Group", "Date: 3rd March 2027", "Location: Via Microsoft Teams",
                    "Draft: not yet approved."), doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertTrue(doc.getHeaderList().isEmpty());
        }
    }
}
