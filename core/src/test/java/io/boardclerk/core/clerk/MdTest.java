package io.boardclerk.core.clerk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The two places of a Teams message: running markdown text, and a code span. */
class MdTest {

    @Test
    void runningTextGetsEntitiesAndBackslashes() {
        assertEquals("Smith &amp; Co &lt;b&gt;x&lt;/b&gt; \\*a\\* \\_b\\_ \\`c\\` &#91;d&#93; \\# \\| \\~ \\\\",
                Md.esc("Smith & Co <b>x</b> *a* _b_ `c` [d] # | ~ \\"));
        assertEquals("one two", Md.esc("one\ntwo"));
        assertEquals("", Md.esc(null));
    }

    @Test
    void aCodeSpanShowsPlaceholdersWithLookAlikeBracketsNeverEntities() {
        assertEquals("`remove apology \u2039name\u203A`", Md.code("remove apology <name>"));
        assertEquals("`action 12 owner \u2039...\u203A`", Md.code("action 12 owner <...>"));
        assertEquals("`say 'this'`", Md.code("say `this`"));
        assertEquals("`a & b`", Md.code("a & b"));
        assertEquals("`one two`", Md.code("one\ntwo"));
    }

    @Test
    void codeSpansInWrittenMarkdownAreMadeToShowAsTyped() {
        assertEquals("Wrong? Say `undo` or `remove apology \u2039name\u203A`.",
                Md.codeSpans("Wrong? Say `undo` or `remove apology <name>`."));
        assertEquals("`remove apology \u2039name\u203A`", Md.codeSpans("`remove apology &lt;name&gt;`"),
                "entities inside a code span would show literally");
        assertEquals("`a & b`", Md.codeSpans("`a &amp; b`"));
    }

    @Test
    void codeSpansLeaveRunningTextAndEscapedBackticksAlone() {
        String text = "From " + Md.esc("Jon <jon@x> `rm`") + " say `apologies <name>` then <b>done</b>";
        assertEquals("From Jon &lt;jon@x&gt; \\`rm\\` say `apologies \u2039name\u203A` then <b>done</b>",
                Md.codeSpans(text));
        assertEquals("an unclosed ` <x>", Md.codeSpans("an unclosed ` <x>"));
        assertEquals("``a ` \u2039b\u203A`` <c>", Md.codeSpans("``a ` <b>`` <c>"));
        assertEquals("no spans <here>", Md.codeSpans("no spans <here>"));
        assertNull(Md.codeSpans(null));
    }
}
