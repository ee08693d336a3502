package io.boardclerk.bot.documents;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumbering;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

import java.math.BigInteger;

/**
 * What BoardClerk's Word documents share: A4 pages, Arial, real Title and Heading styles (so that Word's navigation
 * pane and table of contents see the headings), the protective marking at the top and in the header and footer,
 * bullets, and text made safe for XML.
 */
final class Docx {

    /** Styles the documents use by id. */
    static final String TITLE = "Title";
    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    static final String MARKING = "Marking";

    /** A4 in twentieths of a point. */
    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static final String STYLES = "<w:styles xmlns:w=\"" + W + "\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
            + "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\"/>"
            + "</w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
            + "<w:qFormat/></w:style>"
            + heading(TITLE, "Title", -1, 32, 240)
            + heading(HEADING_1, "heading 1", 0, 26, 240)
            + heading(HEADING_2, "heading 2", 1, 22, 160)
            + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + MARKING + "\">"
            + "<w:name w:val=\"Protective Marking\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
            + "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
            + "</w:styles>";

    private static final String BULLETS = "<w:numbering xmlns:w=\"" + W + "\">"
            + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
            + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/>"
            + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            + "</w:abstractNum></w:numbering>";

    private Docx() {
    }

    private static String heading(String id, String name, int outlineLevel, int halfPoints, int before) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
                + "<w:pPr><w:keepNext/><w:spacing w:before=\"" + before + "\" w:after=\"120\"/>"
                + (outlineLevel >= 0 ? "<w:outlineLvl w:val=\"" + outlineLevel + "\"/>" : "") + "</w:pPr>"
                + "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints
                + "\"/></w:rPr></w:style>";
    }

    /** A new document with BoardClerk's styles, on A4, landscape or portrait, with the given margin. */
    static XWPFDocument create(boolean landscape, int marginTwips, String title) {
        XWPFDocument doc = new XWPFDocument();
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(STYLES).getStyles());
        } catch (XmlException e) {
            throw new IllegalStateException("BoardClerk's own Word styles do not parse", e);
        }
        CTSectPr section = section(doc);
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        size.setOrient(landscape ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(marginTwips);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
        margins.setHeader(BigInteger.valueOf(marginTwips / 2));
        margins.setFooter(BigInteger.valueOf(marginTwips / 2));
        margins.setGutter(BigInteger.ZERO);
        doc.getProperties().getCoreProperties().setTitle(xmlSafe(title));
        doc.getProperties().getCoreProperties().setCreator("BoardClerk");
        return doc;
    }

    /** The width between the margins, in twentieths of a point. */
    static int textWidth(boolean landscape, int marginTwips) {
        return (landscape ? A4_LONG : A4_SHORT) - 2 * marginTwips;
    }

    private static CTSectPr section(XWPFDocument doc) {
        CTBody body = doc.getDocument().getBody();
        return body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    }

    /**
     * The protective marking, when there is one, as the first line of the body and centred in the page header and
     * footer, so that every printed page carries it.
     */
    static void marking(XWPFDocument doc, String marking) {
        if (marking == null || marking.isBlank()) {
            return;
        }
        text(styled(doc.createParagraph(), MARKING), marking);
        for (XWPFHeaderFooter part : new XWPFHeaderFooter[]{doc.createHeader(HeaderFooterType.DEFAULT),
                doc.createFooter(HeaderFooterType.DEFAULT)}) {
            XWPFParagraph line = part.createParagraph();
            line.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = line.createRun();
            run.setBold(true);
            run.setText(xmlSafe(marking));
        }
    }

    static XWPFParagraph styled(XWPFParagraph paragraph, String style) {
        paragraph.setStyle(style);
        return paragraph;
    }

    /** Adds a run of text; line breaks and tabs in it become Word's own. */
    static XWPFRun text(XWPFParagraph paragraph, String text) {
        XWPFRun run = paragraph.createRun();
        String[] lines = xmlSafe(text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            String[] pieces = lines[i].split("\t", -1);
            for (int j = 0; j < pieces.length; j++) {
                if (j > 0) {
                    run.addTab();
                }
                if (!pieces[j].isEmpty()) {
                    run.setText(pieces[j], run.getCTR().sizeOfTArray());
                }
            }
        }
        return run;
    }

    static XWPFRun bold(XWPFParagraph paragraph, String text) {
        XWPFRun run = text(paragraph, text);
        run.setBold(true);
        return run;
    }

    /** A bullet list definition in the document; returns the numbering id a bullet paragraph sets. */
    static BigInteger bullets(XWPFDocument doc) {
        XWPFNumbering numbering = doc.createNumbering();
        try {
            CTNumbering parsed = NumberingDocument.Factory.parse(BULLETS).getNumbering();
            BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(parsed.getAbstractNumArray(0),
                    numbering));
            return numbering.addNum(abstractId);
        } catch (XmlException e) {
            throw new IllegalStateException("BoardClerk's own bullet list does not parse", e);
        }
    }

    /**
     * Text as XML 1.0 allows it: control characters other than tab and line breaks, unpaired surrogates and the
     * two non-characters U+FFFE and U+FFFF are dropped (Word refuses a file that holds them).
     */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
