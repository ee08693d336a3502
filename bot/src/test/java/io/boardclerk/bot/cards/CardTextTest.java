package io.boardclerk.bot.cards;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardTextTest {

    @Test
    void escapesEveryMarkdownCharacter() {
        assertEquals("\\*bold\\* \\_it\\_ \\~s\\~ \\`code\\` \\# h \\> q \\\\", CardText.esc("*bold* _it_ ~s~ `code` # h > q \\"));
    }

    @Test
    void placeholdersAndEntitiesShowAsTypedAndCardFunctionsAreBroken() {
        assertEquals("remove apology \\<name\\>", CardText.esc("remove apology <name>"));
        assertEquals("Smith &amp; Co &lt;b&gt;", CardText.esc("Smith &amp; Co &lt;b&gt;"), "a card decodes no entity");
        assertEquals("due {\u200B{DATE\\(2026-01-01\\)}}", CardText.esc("due {{DATE(2026-01-01)}}"));
        assertEquals("a { b } {", CardText.esc("a { b } {"));
    }

    @Test
    void linksAndHtmlComeOutInert() {
        assertEquals("\\[x\\]\\(http://evil\\)", CardText.esc("[x](http://evil)"));
        assertEquals("\\<img src=x onerror=alert\\(1\\)\\>", CardText.esc("<img src=x onerror=alert(1)>"));
        assertEquals("!\\[a\\]\\(http://evil/x.png\\)", CardText.esc("![a](http://evil/x.png)"));
    }

    @Test
    void leadingListMarkersAndHeadingsAreEscaped() {
        assertEquals("\\- not a list", CardText.esc("- not a list"));
        assertEquals("\\+ not a list", CardText.esc("+ not a list"));
        assertEquals("1\\. not a list", CardText.esc("1. not a list"));
        assertEquals("12\\. not a list", CardText.esc("12. not a list"));
        assertEquals("3\\.", CardText.esc("3."));
        assertEquals("12.0 stays", CardText.esc("12.0 stays"));
        assertEquals("a - b + c", CardText.esc("a - b + c"));
    }

    @Test
    void lineBreaksCannotStartABlock() {
        assertEquals("first - second \\# third", CardText.esc("first\n- second\r\n# third"));
        assertFalse(CardText.esc("a\n\nb").contains("\n"));
    }

    @Test
    void shortensAtAWordAndSaysSo() {
        String text = "Constabulary to bring a report on Safer Streets Project to the next Board in May";
        String short30 = CardText.shorten(text, 30);
        assertTrue(short30.endsWith("…"), short30);
        assertTrue(short30.length() <= 31, short30);
        assertEquals("Constabulary to bring a report…", short30);
        assertEquals(text, CardText.shorten(text, 200));
        assertTrue(CardText.isLonger(text, 30));
    }

    @Test
    void plainUndoesTheClerksMarkdown() {
        assertEquals("Only the chair or secretary can close action 12.0; the secretary is Claire Dunmore <x>",
                CardText.plain("Only the chair or secretary can close action **12.0**; the secretary is Claire "
                        + "Dunmore &lt;x&gt;"));
        assertEquals("a_b*c", CardText.plain("a\\_b\\*c"));
    }
}
