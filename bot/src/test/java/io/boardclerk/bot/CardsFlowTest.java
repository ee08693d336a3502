package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cards end to end: the action log as an Adaptive Card (paged), the review cards and every button on them pressed
 * through Teams' {@code adaptiveCard/action} invoke, over HTTP to the real server and a real SQLite file.
 */
class CardsFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Teams refuses a message over about 28 KB; BoardClerk aims well below. */
    static final int TEAMS_LIMIT_BYTES = 28 * 1024;

    @TempDir
    Path dir;
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.meeting(bot.connector.serviceUrl(), "19:meeting_cards@thread.v2", "tenant-cambs",
                "MCM-cards-1");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON, JANE);
        assertEquals(202, bot.client.post(chat.membersAdded(TeamsChat.BOT_ID)).statusCode());
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "chair @Helen Marsh", CHAIR);
        send(chat.meetingStart("Business Coordination Board", "2026-11-23T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Posts a message and returns everything the bot sent in answer. */
    List<FakeConnector.Sent> send(ObjectNode activity) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(activity);
        assertEquals(202, response.statusCode(), response.body());
        // The turn, with every message it sends (text first, then each card), completes before the 202.
        List<FakeConnector.Sent> sent = bot.connector.sentTo(chat.conversationId());
        return sent.subList(before, sent.size());
    }

    List<FakeConnector.Sent> say(Member from, String text, Member... mentioned) throws Exception {
        return send(chat.message(from, text, mentioned));
    }

    static String text(List<FakeConnector.Sent> sent) {
        StringBuilder out = new StringBuilder();
        sent.stream().filter(s -> s.card() == null).forEach(s -> out.append(s.text()).append('\n'));
        return out.toString();
    }

    static List<JsonNode> cards(List<FakeConnector.Sent> sent) {
        return sent.stream().map(FakeConnector.Sent::card).filter(c -> c != null).toList();
    }

    /** Presses a button; the invoke response's body. */
    JsonNode press(Member from, String verb, ObjectNode data) throws Exception {
        return invoke(chat.cardAction(from, verb, data));
    }

    JsonNode invoke(ObjectNode activity) throws Exception {
        HttpResponse<String> response = bot.client.post(activity);
        assertEquals(200, response.statusCode(), "Universal Actions answer HTTP 200: " + response.body());
        return JSON.readTree(response.body());
    }

    static ObjectNode data(JsonNode action) {
        return action.path("data").deepCopy();
    }

    static void assertError(JsonNode response, int status) {
        assertEquals(status, response.path("statusCode").asInt(), response.toString());
        assertEquals("application/vnd.microsoft.error", response.path("type").asText(), response.toString());
        assertFalse(response.path("value").path("message").asText().isBlank(), response.toString());
    }

    /** A press that changes nothing: an error, or the current card with the reason on top. */
    static void assertRefused(JsonNode response) {
        if (response.path("type").asText().equals("application/vnd.microsoft.card.adaptive")) {
            String banner = response.path("value").path("body").path(0).path("text").asText();
            assertTrue(banner.startsWith("⚠"), response.toString());
        } else {
            assertError(response, 400);
        }
    }

    static JsonNode card(JsonNode response) {
        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals("application/vnd.microsoft.card.adaptive", response.path("type").asText(), response.toString());
        return response.path("value");
    }

    JsonNode exportedAction(int index) throws Exception {
        HttpResponse<String> export = bot.client.get("/api/boards/1/export");
        assertEquals(200, export.statusCode());
        return JSON.readTree(export.body()).path("boards").get(0).path("actions").get(index);
    }

    static JsonNode action(JsonNode card, String verb) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode a : card.path("actions")) {
            all.add(a);
            a.path("card").path("actions").forEach(all::add);
        }
        return all.stream().filter(a -> verb.equals(a.path("verb").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + verb + " on " + card));
    }

    /** Records an overdue action owned by Jon Leigh and returns its review card. */
    JsonNode reviewCard() throws Exception {
        say(SECRETARY, "action Bring the fleet report owner: @Jon Leigh due: 02/11/2026 item: 4", JON);
        List<JsonNode> cards = cards(say(CHAIR, "review actions"));
        assertEquals(1, cards.size(), "one card per action under review");
        return cards.get(0);
    }

    // ---- the action log --------------------------------------------------------------------------------------

    @Test
    void theActionLogIsAnAdaptiveCardWithSectionsAndEscapedText() throws Exception {
        say(SECRETARY, "action Report on <img src=x onerror=alert(1)> and [x](http://evil) owner: Constabulary "
                + "due: 26/05/2027 item: 5.7");
        say(SECRETARY, "action Bring the fleet report owner: @Jon Leigh due: 02/11/2026 item: 4", JON);
        List<FakeConnector.Sent> sent = say(CHAIR, "action log");
        List<JsonNode> cards = cards(sent);
        assertEquals(1, cards.size(), sent.toString());
        JsonNode card = cards.get(0);
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.5", card.path("version").asText());
        String json = card.toString();
        assertTrue(json.contains("Overdue (1)"), json);
        assertTrue(json.contains("OVERDUE"), "overdue in words: " + json);
        assertTrue(json.contains("Other open (1)") || json.contains("Due at this meeting (1)"), json);
        assertFalse(json.contains("<img src=x onerror=alert(1)>"), json);
        assertFalse(json.contains("[x](http://evil)"), json);
        assertTrue(json.contains("\\\\<img src=x onerror=alert\\\\(1\\\\)\\\\>"), json);
        assertTrue(json.contains("\\\\[x\\\\]\\\\(http://evil\\\\)"), json);
    }

    @Test
    void fiveHundredActionsPageUnderTheLimitAndMoreBringsTheNextPage() throws Exception {
        for (int batch = 0; batch < 10; batch++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                lines.append("Action: Constabulary to bring a report on the Safer Streets Project, part ")
                        .append(batch * 50 + i + 1).append(", covering the neighbourhood prevention group, the ")
                        .append("estates strategy and the workforce plan, with costs, risks and a timetable for ")
                        .append("delivery agreed with the Office of the Police and Crime Commissioner, to the next ")
                        .append("Board.\n");
            }
            say(SECRETARY, lines.toString());
        }
        List<FakeConnector.Sent> sent = say(CHAIR, "action log");
        for (FakeConnector.Sent s : sent) {
            assertTrue(s.bytes() < TEAMS_LIMIT_BYTES, "a message of " + s.bytes() + " bytes");
            assertTrue(s.bytes() <= 24 * 1024, "aim at 24 KB: " + s.bytes() + " bytes");
        }
        JsonNode first = cards(sent).get(0);
        String subtitle = first.path("body").get(1).path("text").asText();
        assertTrue(subtitle.contains("Page 1 of "), subtitle);
        int pages = Integer.parseInt(subtitle.replaceAll(".*Page 1 of (\\d+).*", "$1"));
        assertTrue(pages >= 3, subtitle);

        JsonNode more = action(first, Card.Verbs.MORE);
        assertEquals(1, more.path("data").path(Card.Verbs.PAGE).asInt());
        JsonNode response = press(CHAIR, Card.Verbs.MORE, data(more));
        JsonNode second = card(response);
        assertTrue(second.path("body").get(1).path("text").asText().contains("Page 2 of " + pages), second.toString());
        assertTrue(JSON.writeValueAsBytes(response).length < TEAMS_LIMIT_BYTES);
        assertTrue(second.toString().contains("Constabulary to bring a report"), "rows on page 2");
    }

    // ---- the review cards and their buttons -----------------------------------------------------------------

    @Test
    void reviewCardsCarryTheFourButtonsWithNumberAndVersionAndRefresh() throws Exception {
        JsonNode card = reviewCard();
        assertEquals("1.5", card.path("version").asText());
        for (String verb : List.of(Card.Verbs.UPDATE, Card.Verbs.DONE, Card.Verbs.KEEP_OPEN, Card.Verbs.NEW_TARGET)) {
            JsonNode action = action(card, verb);
            assertEquals("Action.Execute", action.path("type").asText());
            assertEquals(1, action.path("data").path(Card.Verbs.NUMBER).asInt());
            assertTrue(action.path("data").has(Card.Verbs.VERSION), action.toString());
        }
        assertEquals(Card.Verbs.REFRESH, card.path("refresh").path("action").path("verb").asText());
    }

    @Test
    void postUpdateIsRecordedAsIfTypedAndAnnouncedToTheChat() throws Exception {
        JsonNode card = reviewCard();
        ObjectNode data = data(action(card, Card.Verbs.UPDATE));
        data.put(Card.Verbs.TEXT, "A paper was initially requested; it comes to the January Board.");
        int before = bot.connector.sentTo(chat.conversationId()).size();
        JsonNode updated = card(press(JON, Card.Verbs.UPDATE, data));
        assertTrue(updated.toString().contains("A paper was initially requested"), updated.toString());

        List<FakeConnector.Sent> announced = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        FakeConnector.Sent announcement = announced.get(announced.size() - 1);
        assertEquals(null, announcement.inReplyTo(), "a new message, not a threaded reply");
        assertFalse(announcement.text().isBlank());

        List<FakeConnector.Sent> edits = bot.connector.edited();
        assertEquals(1, edits.size(), "the card is edited for everyone");
        assertEquals("reply-1", edits.get(0).inReplyTo());
        assertTrue(edits.get(0).card().toString().contains("A paper was initially requested"));

        JsonNode exported = exportedAction(0);
        assertEquals("A paper was initially requested; it comes to the January Board.",
                exported.path("updates").get(0).path("text").asText(), exported.toString());
    }

    @Test
    void doneKeepOpenAndNewTargetAreRecordedAndRefreshShowsTheCurrentCard() throws Exception {
        JsonNode card = reviewCard();
        JsonNode kept = card(press(CHAIR, Card.Verbs.KEEP_OPEN, data(action(card, Card.Verbs.KEEP_OPEN))));

        ObjectNode target = data(action(kept, Card.Verbs.NEW_TARGET));
        target.put(Card.Verbs.TARGET, "26/05/2027");
        JsonNode moved = card(press(SECRETARY, Card.Verbs.NEW_TARGET, target));
        assertTrue(moved.toString().contains("26/05/2027"), moved.toString());
        assertEquals("2027-05-26", exportedAction(0).path("targetDate").asText());

        JsonNode done = card(press(JON, Card.Verbs.DONE, data(action(moved, Card.Verbs.DONE))));
        assertTrue(done.toString().contains("complete"), done.toString());
        assertEquals("complete", exportedAction(0).path("status").asText());

        ObjectNode refreshData = TeamsChat.data().put(Card.Verbs.NUMBER, 1);
        JsonNode refreshed = card(press(JANE, Card.Verbs.REFRESH, refreshData));
        assertEquals(done.path("body").get(3), refreshed.path("body").get(3), "everyone sees the action as it now "
                + "stands: " + refreshed);
        assertTrue(refreshed.has("refresh") && refreshed.has("actions"), "a complete action awaits the board");

        String history = say(JANE, "history 1").get(0).text();
        for (String line : List.of("Helen Marsh · kept open", "Claire Dunmore · target:",
                "Jon Leigh · status: open → complete (by card)")) {
            assertTrue(history.contains(line), line + " in " + history);
        }
        assertTrue(history.contains("→ 26/05/2027 (by card)"), history);
    }

    @Test
    void aMemberMayNotKeepAnActionOpenAndNothingChanges() throws Exception {
        JsonNode card = reviewCard();
        JsonNode before = exportedAction(0);
        assertRefused(press(JANE, Card.Verbs.KEEP_OPEN, data(action(card, Card.Verbs.KEEP_OPEN))));
        assertRefused(press(JANE, Card.Verbs.DONE, data(action(card, Card.Verbs.DONE))));
        assertEquals(before, exportedAction(0));
    }

    @Test
    void aCardPressedAfterItsActionClosedOrFromAnOldVersionChangesNothing() throws Exception {
        JsonNode card = reviewCard();
        ObjectNode staleUpdate = data(action(card, Card.Verbs.UPDATE));
        staleUpdate.put(Card.Verbs.TEXT, "Late news");
        ObjectNode target = data(action(card, Card.Verbs.NEW_TARGET)).put(Card.Verbs.TARGET, "the next Board");
        card(press(CHAIR, Card.Verbs.NEW_TARGET, target));

        JsonNode before = exportedAction(0);
        assertRefused(press(JON, Card.Verbs.UPDATE, staleUpdate));
        assertEquals(before, exportedAction(0), "a stale card records nothing");

        say(CHAIR, "close 1");
        JsonNode closed = exportedAction(0);
        assertEquals("closed", closed.path("status").asText(), closed.toString());
        JsonNode current = card(press(CHAIR, Card.Verbs.REFRESH, TeamsChat.data().put(Card.Verbs.NUMBER, 1)));
        assertFalse(current.has("actions"), "a closed action's card has no buttons: " + current);
        ObjectNode done = data(action(card, Card.Verbs.DONE));
        done.put(Card.Verbs.VERSION, closed.path("version").asInt(done.path(Card.Verbs.VERSION).asInt()));
        assertRefused(press(JON, Card.Verbs.DONE, done));
        assertEquals(closed, exportedAction(0));
    }

    @Test
    void theNextMeetingsStartPostsAReviewCardForEachActionDue() throws Exception {
        say(SECRETARY, "action Bring the fleet report owner: @Jon Leigh due: 02/11/2026 item: 4", JON);
        say(SECRETARY, "action Review the estates strategy owner: Constabulary due: 30/06/2027 item: 6");
        send(chat.meetingEnd("Business Coordination Board", "2026-11-23T12:00:00Z"));
        bot.clock.set(java.time.Instant.parse("2026-11-30T10:00:00Z"));
        List<JsonNode> cards = cards(send(chat.meetingStart("Business Coordination Board", "2026-11-30T10:00:00Z")));
        List<JsonNode> reviews = cards.stream().filter(c -> c.has("refresh")).toList();
        assertEquals(1, reviews.size(), "only the overdue action is reviewed: " + cards);
        assertTrue(reviews.get(0).toString().contains("Bring the fleet report"), reviews.get(0).toString());
    }

    @Test
    void theMinutesDraftAndTheExportComeAsSignedLinksThatDownloadTheDocuments() throws Exception {
        say(SECRETARY, "apologies Jane Gifford");
        say(SECRETARY, "There were no declarations of interest.");
        say(SECRETARY, "action Bring the fleet report owner: @Jon Leigh due: 02/11/2026 item: 4", JON);
        List<JsonNode> cards = cards(say(SECRETARY, "draft minutes"));
        assertEquals(1, cards.size());
        String minutes = cards.get(0).toString();
        assertEquals("1.5", cards.get(0).path("version").asText());
        assertTrue(minutes.contains("Jane Gifford"), minutes);
        assertTrue(minutes.contains("There were no declarations of interest."), minutes);
        assertTrue(minutes.contains("{\"title\":\"Actions raised\",\"value\":\"1\"}"), minutes);
        assertTrue(minutes.contains("{\"title\":\"Actions reviewed\",\"value\":\"0\"}"), minutes);

        HttpResponse<byte[]> word = download(link(cards.get(0)));
        assertEquals(200, word.statusCode());
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(word.body()))) {
            String text = docx.getParagraphs().stream().map(p -> p.getText())
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertTrue(text.contains("Welcome and Apologies") && text.contains("Jane Gifford"), text);
        }

        List<JsonNode> export = cards(say(CHAIR, "export csv"));
        assertEquals(1, export.size(), "a download card");
        HttpResponse<byte[]> csv = download(link(export.get(0)));
        assertEquals(200, csv.statusCode());
        String table = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(table.contains("ACTION NO.,MEETING DATE RAISED,MEETING AGENDA ITEM,ACTION,OWNER,TARGET DATE,UPDATE,"
                + "UPDATE DATE,STATUS"), table);
        assertTrue(table.contains("1.0,23/11/2026,4,Bring the fleet report,Jon Leigh,02/11/2026"), table);
    }

    private static String link(JsonNode card) {
        for (JsonNode action : card.path("actions")) {
            if ("Action.OpenUrl".equals(action.path("type").asText())) {
                return action.path("url").asText();
            }
        }
        throw new AssertionError("no download button on " + card);
    }

    private static HttpResponse<byte[]> download(String url) throws Exception {
        assertTrue(url.contains("/files/"), url);
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---- bad payloads ---------------------------------------------------------------------------------------

    @Test
    void missingOrTamperedPayloadsGetAnErrorResponseNotACrash() throws Exception {
        assertError(invoke(chat.invoke(JON, null)), 400);
        assertError(invoke(chat.invoke(JON, JSON.getNodeFactory().textNode("press"))), 400);
        assertError(invoke(chat.invoke(JON, JSON.createObjectNode().put("trigger", "manual"))), 400);
        ObjectNode arrayData = JSON.createObjectNode();
        arrayData.putObject("action").put("type", "Action.Execute").put("verb", Card.Verbs.DONE)
                .putArray("data").add(1);
        assertError(invoke(chat.invoke(JON, arrayData)), 400);
        assertError(press(JON, Card.Verbs.DONE, TeamsChat.data().put(Card.Verbs.NUMBER, "abc")
                .put(Card.Verbs.VERSION, 1)), 400);
        assertError(press(JON, Card.Verbs.DONE, TeamsChat.data().put(Card.Verbs.NUMBER, -1)
                .put(Card.Verbs.VERSION, 1)), 400);
        assertError(press(JON, Card.Verbs.DONE, TeamsChat.data().put(Card.Verbs.NUMBER, 1)), 400);
        assertError(press(JON, "action.delete", TeamsChat.data().put(Card.Verbs.NUMBER, 1)
                .put(Card.Verbs.VERSION, 1)), 400);
        ObjectNode nested = TeamsChat.data().put(Card.Verbs.NUMBER, 1).put(Card.Verbs.VERSION, 1);
        nested.putObject("text").put("a", "b");
        assertError(press(JON, Card.Verbs.UPDATE, nested), 400);
        assertError(press(JON, Card.Verbs.UPDATE, TeamsChat.data().put(Card.Verbs.NUMBER, 1)
                .put(Card.Verbs.VERSION, 1).put(Card.Verbs.TEXT, "   ")), 400);
        assertError(press(JON, Card.Verbs.MORE, TeamsChat.data().put(Card.Verbs.PAGE, "two")), 400);
        assertNotNull(bot.client.get("/healthz"));
        assertEquals(200, bot.client.get("/healthz").statusCode(), "the server is still well");
    }

    @Test
    void anUnknownActionNumberIsAClearError() throws Exception {
        JsonNode response = press(CHAIR, Card.Verbs.DONE, TeamsChat.data().put(Card.Verbs.NUMBER, 99)
                .put(Card.Verbs.VERSION, 1));
        assertError(response, 400);
    }
}
