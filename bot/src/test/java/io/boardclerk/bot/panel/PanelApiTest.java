package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.boardclerk.bot.panel.PanelBoard.CONVERSATION;
import static io.boardclerk.bot.panel.PanelBoard.TENANT;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static io.boardclerk.bot.support.People.VIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The side panel's REST API in local mode: the user comes from the Teams context the page sends; the record is the
 * meeting's; what the panel does goes through the clerk and is confirmed in the chat.
 */
class PanelApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    RunningBot bot;
    PanelBoard board;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.local(dir);
        board = new PanelBoard(bot).open(null);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    HttpResponse<String> record(Member as, String... extra) throws Exception {
        String[] headers = new String[4 + extra.length];
        headers[0] = PanelAccess.USER_HEADER;
        headers[1] = as.aadObjectId();
        headers[2] = PanelAccess.TENANT_HEADER;
        headers[3] = TENANT;
        System.arraycopy(extra, 0, headers, 4, extra.length);
        return bot.client.send("GET", "/api/panel/record?conversation="
                + URLEncoder.encode(CONVERSATION, StandardCharsets.UTF_8), null, headers);
    }

    HttpResponse<String> post(Member as, String path, String body) throws Exception {
        return bot.client.send("POST", "/api/panel/" + path, body, PanelAccess.USER_HEADER, as.aadObjectId(),
                PanelAccess.TENANT_HEADER, TENANT);
    }

    static String body(Object... fields) throws Exception {
        var node = JSON.createObjectNode().put("conversation", CONVERSATION);
        for (int i = 0; i < fields.length; i += 2) {
            node.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        return node.toString();
    }

    @Test
    void theRecordIsTheMeetingsAsTheChatRecordedIt() throws Exception {
        board.say(null, SECRETARY, "Apologies were received from Jane Gifford, Deputy Chief Constable");
        HttpResponse<String> response = record(JON);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode record = JSON.readTree(response.body());
        assertEquals("Business Coordination Board", record.path("board").asText());
        assertEquals("23/11/2026", record.path("meeting").path("date").asText());
        assertEquals("open", record.path("meeting").path("status").asText());
        assertEquals("member", record.path("you").path("role").asText());
        assertEquals("Jane Gifford", record.path("apologies").get(0).path("name").asText());
        assertEquals("1.0", record.path("raised").get(0).path("display").asText());
        assertEquals("Jon Leigh", record.path("raised").get(0).path("owners").asText());
        assertTrue(record.path("raised").get(0).path("canUpdate").asBoolean(), "Jon owns it");
        assertEquals(1, record.path("due").size(), "targeted on the meeting's day");
        assertFalse(JSON.readTree(record(JANE).body()).path("raised").get(0).path("canUpdate").asBoolean());
        assertEquals("secretary", JSON.readTree(record(SECRETARY).body()).path("you").path("role").asText());
    }

    @Test
    void anUnchangedRecordIs304AndAChatRecordingChangesIt() throws Exception {
        HttpResponse<String> first = record(JON);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, record(JON, "If-None-Match", etag).statusCode());

        board.say(null, SECRETARY, "There were no declarations of interest.");

        HttpResponse<String> changed = record(JON, "If-None-Match", etag);
        assertEquals(200, changed.statusCode());
        assertTrue(JSON.readTree(changed.body()).path("noDeclarations").asBoolean());
    }

    @Test
    void aDeclarationFromThePanelIsRecordedByTheClerkAndConfirmedInChat() throws Exception {
        int before = bot.connector.sentTo(CONVERSATION).size();
        HttpResponse<String> response = post(JON, "declarations", body("item", "8", "kind", "pecuniary",
                "interest", "I hold shares in the supplier"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertTrue(answer.path("reply").asText().contains("pecuniary interest in item 8"), response.body());
        assertTrue(answer.path("postedInChat").asBoolean(), response.body());

        List<FakeConnector.Sent> sent = bot.connector.sentTo(CONVERSATION);
        assertEquals(before + 1, sent.size());
        FakeConnector.Sent echo = sent.get(sent.size() - 1);
        assertTrue(echo.text().startsWith("**Jon Leigh** in the side panel: `declare pecuniary item 8: I hold shares"),
                echo.text());
        assertTrue(echo.text().contains("pecuniary interest in item 8"), echo.text());
        assertEquals(null, echo.inReplyTo(), "a new message in the chat, not a reply");

        JsonNode declarations = JSON.readTree(record(SECRETARY).body()).path("declarations");
        assertEquals("Jon Leigh", declarations.get(0).path("member").asText());
        assertEquals("pecuniary", declarations.get(0).path("kind").asText());
        String history = board.say(null, JON, "undo");
        assertTrue(history.contains("Undone"), "the panel's recording is Jon's own, as if typed: " + history);
    }

    @Test
    void anOwnersUpdateAndOwnApologiesGoThroughTheClerk() throws Exception {
        HttpResponse<String> update = post(JON, "updates", body("action", 1, "text", "Costs collated; report in draft"));
        assertEquals(200, update.statusCode(), update.body());
        JsonNode action = JSON.readTree(record(JON).body()).path("raised").get(0);
        assertEquals("Costs collated; report in draft", action.path("latestUpdate").path("text").asText());
        assertEquals("Jon Leigh", action.path("latestUpdate").path("by").asText());

        HttpResponse<String> refused = post(JANE, "updates", body("action", 1, "text", "Not mine to update"));
        assertEquals(200, refused.statusCode(), "the clerk answers; it records nothing");
        assertTrue(JSON.readTree(refused.body()).path("reply").asText().contains("secretary"), refused.body());
        assertEquals("Costs collated; report in draft", JSON.readTree(record(JON).body()).path("raised").get(0)
                .path("latestUpdate").path("text").asText());

        assertEquals(200, post(JANE, "apologies", body()).statusCode());
        assertEquals("Jane Gifford", JSON.readTree(record(JON).body()).path("apologies").get(0).path("name").asText());
    }

    @Test
    void theTextBoxIsForTheChairAndSecretaryAndRecordsAsTheChatWould() throws Exception {
        assertEquals(403, post(JON, "say", body("text", "Apologies were received from Jane Gifford")).statusCode());

        HttpResponse<String> said = post(SECRETARY, "say", body("text",
                "Apologies were received from Jane Gifford\nAction: Constabulary to report on custody to the next Board."));
        assertEquals(200, said.statusCode(), said.body());
        JsonNode record = JSON.readTree(record(JON).body());
        assertEquals(1, record.path("apologies").size());
        assertEquals(2, record.path("raised").size());
        String echo = bot.connector.sentTo(CONVERSATION).get(bot.connector.sentTo(CONVERSATION).size() - 1).text();
        assertTrue(echo.startsWith("**Claire Dunmore** in the side panel:\n\n> Apologies were received"), echo);
    }

    @Test
    void aLineBreakCannotSmuggleASecondCommandIntoAFormField() throws Exception {
        HttpResponse<String> response = post(JON, "declarations", body("item", "8", "interest",
                "a trustee\nchair @Jon Leigh"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("member", JSON.readTree(record(JON).body()).path("you").path("role").asText());
        assertEquals(400, post(JON, "declarations", body("item", "eight", "interest", "x")).statusCode());
        assertEquals(400, post(JON, "declarations", body("item", "8", "kind", "big", "interest", "x")).statusCode());
        assertEquals(400, post(JON, "updates", body("action", 0, "text", "x")).statusCode());
    }

    @Test
    void onlyPeopleOnTheBoardsRosterInItsTenantAreServed() throws Exception {
        assertEquals(404, record(VIC).statusCode(), "not on this board's roster");
        assertEquals(404, bot.client.send("GET", "/api/panel/record?conversation=" + URLEncoder.encode(CONVERSATION,
                StandardCharsets.UTF_8), null, PanelAccess.USER_HEADER, JON.aadObjectId(), PanelAccess.TENANT_HEADER,
                "another-tenant").statusCode());
        assertEquals(401, bot.client.get("/api/panel/record?conversation=x").statusCode(), "no Teams context");
        assertEquals(404, post(VIC, "apologies", body()).statusCode());
    }

    @Test
    void thePagesAreServedWithTheirBundledScriptsAndAPolicy() throws Exception {
        HttpResponse<String> panel = bot.client.get("/panel");
        assertEquals(200, panel.statusCode());
        assertTrue(panel.body().contains("data-auth=\"local\""), panel.body());
        String policy = panel.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("frame-ancestors 'self' https://teams.microsoft.com"), policy);
        assertTrue(policy.endsWith("frame-ancestors 'self' " + PanelPages.TEAMS_ANCESTORS),
                "Teams' hosts only: " + policy);
        assertTrue(panel.body().contains("data-test-host-origin=\"\""), "teams-js trusts Teams' own origins only");
        HttpResponse<String> config = bot.client.get("/panel/config");
        assertEquals(200, config.statusCode());
        assertTrue(config.body().contains("/panel/assets/config.js"));
        HttpResponse<String> script = bot.client.get("/panel/assets/config.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("/panel"), "the save handler's content URL");
        assertTrue(script.body().length() > 20_000, "teams-js is bundled in, not fetched from a CDN");
        for (String page : List.of(panel.body(), config.body())) {
            var sources = java.util.regex.Pattern.compile("<(?:script|link)[^>]+(?:src|href)=\"([^\"]+)\"")
                    .matcher(page).results().map(m -> m.group(1)).toList();
            assertFalse(sources.isEmpty());
            assertTrue(sources.stream().allMatch(s -> s.startsWith("/panel/assets/")), "served here: " + sources);
        }
        assertEquals(404, bot.client.get("/panel/assets/secret.txt").statusCode());
    }
}
