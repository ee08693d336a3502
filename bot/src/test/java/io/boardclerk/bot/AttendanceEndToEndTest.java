package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.attendance.AttendanceRetriever;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.graph.fake.FakeMeetingsGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static io.boardclerk.bot.support.People.VIC;
import static io.boardclerk.graph.fake.FakeMeetingsGraph.attendee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Teams meeting from start to minutes, over HTTP with Graph on: meetingStart and meetingEnd event activities, the
 * Bot Connector's meeting details from a fake connector, the attendance report through the real Graph SDK from a fake
 * Graph, a real SQLite file; the reconciliation posted into the meeting chat and the Word minutes' attendance taken
 * from the report.
 */
class AttendanceEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";
    static final String MEETING_ID = "MCMxOTptZWV0aW5nX0ZlbnNoaXJlQHRocmVhZC52MiMw";
    static final String GRAPH_MEETING = "MSpmZW5zaGlyZS1ib2FyZC1tZWV0aW5nKjA=";
    static final String JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Fenshire%40thread.v2/0";
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(90));

    @TempDir
    Path dir;
    FakeMeetingsGraph graph;
    FakeOpenIdProvider openId;
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeMeetingsGraph().meeting("aad-helen", GRAPH_MEETING, JOIN).pageSize(2);
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "on",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl(), "BOARDCLERK_PUBLIC_URL", "https://boardclerk.example"));
        chat = TeamsChat.meeting(bot.connector.serviceUrl(), "19:meeting_Fenshire@thread.v2", TENANT, MEETING_ID);
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON, JANE, VIC, NINA);
        bot.connector.meetingDetails(MEETING_ID, "{\"details\":{\"id\":\"" + MEETING_ID + "\",\"msGraphResourceId\":\""
                + GRAPH_MEETING + "\",\"joinUrl\":\"" + JOIN + "\",\"title\":\"Fenshire Board\",\"type\":"
                + "\"Scheduled\"},\"conversation\":{\"id\":\"19:meeting_Fenshire@thread.v2\"},\"organizer\":{\"id\":"
                + "\"29:helen\",\"aadObjectId\":\"aad-helen\",\"tenantId\":\"" + TENANT + "\"}}");
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
        assertTrue(say(SECRETARY, "chair @Helen Marsh", CHAIR).contains("is now the chair"));
        say(SECRETARY, "Members: Jon Leigh, Chief Finance Officer; Jane Gifford, Deputy Chief Constable "
                + "In attendance: Claire Dunmore, Business Support Officer");
        assertTrue(say(SECRETARY, "quorum 4").contains("is now 4 members"));
    }

    @AfterEach
    void stop() {
        bot.close();
        openId.close();
        graph.close();
    }

    private String token() {
        return openId.bearer(APP_ID, bot.connector.serviceUrl());
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        return send(chat.message(from, text, mentioned)).get(0).text();
    }

    /** Posts an activity and gives what BoardClerk sent back for it. */
    List<FakeConnector.Sent> send(ObjectNode activity) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(activity.toString(), token());
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(20));
        assertTrue(sent.size() > before, "BoardClerk answered " + activity.path("text").asText(activity.path("name")
                .asText()));
        return sent.subList(before, sent.size());
    }

    private AttendanceRetriever retriever() {
        return bot.server().attendance().retriever().orElseThrow();
    }

    private void holdTheMeeting() throws Exception {
        bot.clock.set(START);
        assertTrue(send(chat.meetingStart("Fenshire Board", START.toString())).get(0).text().contains("opened"));
        say(SECRETARY, "Apologies were received from Vic Evers, Assistant Chief Constable.");
        bot.clock.set(END);
        assertTrue(send(chat.meetingEnd("Fenshire Board", END.toString())).get(0).text().contains("closed"));
    }

    @Test
    void the_report_is_fetched_after_the_meeting_posted_in_the_chat_and_feeds_the_minutes() throws Exception {
        graph.report(GRAPH_MEETING, "report-1", START, END, List.of(
                attendee("aad-helen", "Helen Marsh", "helen.marsh@fenshire.example", START, END),
                attendee("aad-claire", "Claire Dunmore", "claire.dunmore@fenshire.example", START, END),
                attendee("aad-jon", "Jon Leigh", "jon.leigh@fenshire.example", START.plusSeconds(1200),
                        START.plusSeconds(2400), START.plusSeconds(3000), END),
                attendee("aad-nina", "Nina Hart", "nina.hart@fenshire.example", START, START.plusSeconds(3600)),
                attendee(null, "Ann Other (Guest)", "ann@elsewhere.example", START, START.plusSeconds(1800))));
        holdTheMeeting();

        bot.clock.advance(Duration.ofMinutes(4));
        assertEquals(0, retriever().runDue(), "Teams needs a few minutes to publish the report");
        assertTrue(bot.connector.meetingRequests().isEmpty());
        int before = bot.connector.sentTo(chat.conversationId()).size();
        bot.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, retriever().runDue());

        assertEquals(1, bot.connector.meetingRequests().size());
        String details = bot.connector.meetingRequests().get(0);
        assertTrue(details.startsWith("/v1/meetings/" + MEETING_ID + "|Bearer "), details);
        String base = "/v1.0/users/aad-helen/onlineMeetings/" + GRAPH_MEETING.replace("=", "%3D")
                + "/attendanceReports";
        // The chat's name was read once before the meeting started (BoardNames), the report after it.
        assertEquals(List.of("/v1.0/chats/19%3Ameeting_Fenshire%40thread.v2", base, base
                + "/report-1/attendanceRecords", base + "/report-1/attendanceRecords", base
                + "/report-1/attendanceRecords"), graph.paths());
        graph.received().forEach(r -> assertEquals("Bearer " + FakeMeetingsGraph.TOKEN, r.authorization()));

        List<FakeConnector.Sent> posted = bot.connector.sentTo(chat.conversationId());
        assertEquals(before + 1, posted.size(), "the reconciliation is posted into the meeting chat");
        String post = posted.get(before).text();
        assertTrue(post.contains("The meeting was not quorate: 3 of 5 members present; the quorum is 4."), post);
        assertTrue(post.contains("**Members present** (3): Helen Marsh; Jon Leigh, Chief Finance Officer (joined "
                + "late); Nina Hart (left early)"), post);
        assertTrue(post.contains("**In attendance** (1): Claire Dunmore, Business Support Officer"), post);
        assertTrue(post.contains("**Apologies** (1): Vic Evers, Assistant Chief Constable"), post);
        assertTrue(post.contains("**Absent without apologies** (1): Jane Gifford, Deputy Chief Constable"), post);
        assertTrue(post.contains("**Guests (not on the board)** (1): Ann Other (Guest)"), post);
        assertFalse(post.contains("ann@elsewhere.example"), post);

        String officers = say(SECRETARY, "attendance");
        assertTrue(officers.contains("Ann Other (Guest), ann@elsewhere.example"), officers);
        bot.clock.advance(Duration.ofHours(1));
        assertEquals(0, retriever().runDue(), "posted once, asked once");

        String word = minutesText();
        assertTrue(word.contains("Members") && word.contains("Jon Leigh") && word.contains("Nina Hart"), word);
        assertTrue(word.contains("Absent without apologies: Jane Gifford, Deputy Chief Constable."), word);
        assertTrue(word.contains("The meeting was not quorate: 3 of 5 members present; the quorum is 4."), word);
        assertTrue(word.indexOf("Jane Gifford") > word.indexOf("Welcome and Apologies"),
                "Jane, absent, is not listed among the members present: " + word);
    }

    @Test
    void before_the_report_exists_attendance_says_so_and_asking_brings_the_next_try_forward() throws Exception {
        holdTheMeeting();
        bot.clock.advance(Duration.ofMinutes(5));
        retriever().runDue();

        String reply = say(NINA, "attendance");
        assertTrue(reply.contains("not available yet"), reply);
        graph.report(GRAPH_MEETING, "report-1", START, END, List.of(
                attendee("aad-helen", "Helen Marsh", null, START, END),
                attendee(null, "Gifford, J (Constabulary)", "Jane.Gifford@fenshire.example", START, END)));
        int before = bot.connector.sentTo(chat.conversationId()).size();
        assertEquals(1, retriever().runDue(), "asked for, so due at once");
        String post = bot.connector.sentTo(chat.conversationId()).get(before).text();
        assertTrue(post.contains("**Members present** (2): Helen Marsh; Jane Gifford, Deputy Chief Constable"),
                "Jane matched by the address the Teams roster gave: " + post);
    }

    @Test
    void a_refusal_names_the_missing_permission_in_the_chat_and_the_fetch_survives_a_restart() throws Exception {
        holdTheMeeting();
        bot.restart();
        graph.fail(403, Map.of(), FakeMeetingsGraph.error("Forbidden", "No Application Access Policy found for "
                + "this app."));
        bot.clock.advance(Duration.ofMinutes(5));
        retriever().runDue();

        String reply = say(SECRETARY, "attendance");
        assertTrue(reply.contains("no application access policy") && reply.contains("Grant-CsApplicationAccessPolicy"),
                reply);
        assertFalse(reply.contains("s3cret-value"), reply);
    }

    /** The Word minutes of the last meeting, as plain text, through a signed download link. */
    private String minutesText() throws Exception {
        long board;
        long meeting;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bot.database);
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT board_id, id FROM meetings WHERE status = 'CLOSED'")) {
            assertTrue(rows.next());
            board = rows.getLong(1);
            meeting = rows.getLong(2);
        }
        DownloadLinks.Link link = (DownloadLinks.Link) bot.server().downloadLinks().mint(new Card.Download(board,
                meeting, Card.Document.MINUTES_DOCX, "minutes"));
        String path = link.uri().getPath();
        HttpResponse<byte[]> docx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + bot.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, docx.statusCode());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("</w:p>", "\n")
                            .replaceAll("<[^>]+>", "");
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }
}
