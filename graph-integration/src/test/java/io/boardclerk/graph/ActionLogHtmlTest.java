package io.boardclerk.graph;

import io.boardclerk.core.view.ActionLogView;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionLogHtmlTest {

    @Test
    void the_summary_is_a_table_in_the_boards_columns() {
        ActionLogView view = Views.view("Audit Committee", List.of(Views.row(3, "Review the risk register",
                "Jon Leigh", "Draft circulated")), List.of(Views.row(4, "Bring the fleet report", "Constabulary",
                null)));

        List<String> messages = ActionLogHtml.messages(view, ActionLogHtml.MAX_BYTES);

        assertEquals(1, messages.size());
        String html = messages.get(0);
        assertTrue(html.startsWith("<h2>Action log: Audit Committee, 23/11/2026</h2>"), html);
        assertTrue(html.contains("<thead><tr><th>No.</th><th>Meeting/Item</th><th>Action</th><th>Owner</th>"
                + "<th>Target</th><th>Update</th><th>Status</th></tr></thead>"), html);
        assertTrue(html.contains("<h3>Overdue</h3>"), html);
        assertTrue(html.contains("<tr><td>3.0</td><td>10/09/2026<br>Item 5.3</td><td>Review the risk register</td>"
                + "<td>Jon Leigh</td><td>the next Board (26/05/2027)</td><td>Draft circulated<br>(01/11/2026)</td>"
                + "<td>⚠ OVERDUE, open</td></tr>"), html);
        assertTrue(html.contains("<td>4.0</td>") && html.contains("<td>open</td>"), html);
    }

    @Test
    void html_text_is_escaped_for_an_element_or_a_quoted_attribute() {
        assertEquals("remove apology &lt;name&gt; &amp; &quot;q&quot; &#39;a&#39;",
                ActionLogHtml.esc("remove apology <name> & \"q\" 'a'"));
        assertEquals("", ActionLogHtml.esc(null));
    }

    @Test
    void every_user_supplied_string_is_escaped() {
        ActionLogView view = Views.view("Board <b>& Co</b>", List.of(), List.of(Views.row(1,
                "<script>alert('x')</script> & <img src=x onerror=y>", "Jon \"JL\" Leigh <jon@fenshire.example>",
                "Done & dusted </td></tr></table><a href=\"https://evil.example\">click</a>")));

        String html = ActionLogHtml.messages(view, ActionLogHtml.MAX_BYTES).get(0);

        assertFalse(html.contains("<script") || html.contains("<img") || html.contains("<a ")
                || html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;"),
                html);
        assertTrue(html.contains("Jon &quot;JL&quot; Leigh &lt;jon@fenshire.example&gt;"), html);
        assertTrue(html.contains("Board &lt;b&gt;&amp; Co&lt;/b&gt;"), html);
        assertEquals(1, count(html, "<table>"), "the hostile update closed no table");
    }

    @Test
    void a_long_log_is_split_into_messages_under_the_limit_with_every_action_once_and_the_heading_row_repeated() {
        ActionLogView view = Views.big(120);

        List<String> messages = ActionLogHtml.messages(view, ActionLogHtml.MAX_BYTES);

        assertTrue(messages.size() > 2, "split: " + messages.size());
        for (int i = 0; i < messages.size(); i++) {
            String html = messages.get(i);
            assertTrue(html.getBytes(StandardCharsets.UTF_8).length <= ActionLogHtml.MAX_BYTES, "message " + i);
            assertTrue(html.contains("<th>No.</th>"), "heading row in message " + i);
            assertTrue(html.endsWith("<p><em>Part " + (i + 1) + " of " + messages.size() + "</em></p>"), html);
            assertEquals(count(html, "<table>"), count(html, "</table>"));
        }
        String all = String.join("", messages);
        for (int n = 1; n <= 120; n++) {
            assertEquals(1, count(all, "<tr><td>" + n + ".0</td>"), "action " + n + " once");
        }
    }

    @Test
    void a_very_long_cell_is_shortened_so_a_row_always_fits() {
        ActionLogView view = Views.view("Audit Committee", List.of(), List.of(Views.row(1, "x".repeat(50_000),
                "Jon Leigh", "y".repeat(50_000))));

        List<String> messages = ActionLogHtml.messages(view, ActionLogHtml.MAX_BYTES);

        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("x".repeat(ActionLogHtml.MAX_CELL_CHARS) + "…"));
    }

    @Test
    void the_summary_with_a_link_escapes_the_link_and_fits_one_message() {
        ActionLogView view = Views.view("Audit Committee", List.of(Views.row(1, "Overdue <thing>", "Jon Leigh", null)),
                Views.big(200).sections().get(0).rows());

        String html = ActionLogHtml.summaryWithLink(view, "https://boardclerk.example.org/files/a\"b<c>",
                "the full action log (Word)", ActionLogHtml.MAX_BYTES);

        assertTrue(html.getBytes(StandardCharsets.UTF_8).length <= ActionLogHtml.MAX_BYTES);
        assertTrue(html.contains("<a href=\"https://boardclerk.example.org/files/a&quot;b&lt;c&gt;\">the full action "
                + "log (Word)</a>"), html);
        assertTrue(html.contains("Overdue &lt;thing&gt;"), html);
        assertFalse(html.contains("Safer Streets"), "only the overdue actions are listed");
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
