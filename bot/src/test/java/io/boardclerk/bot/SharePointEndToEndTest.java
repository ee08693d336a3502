package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.StoredRows;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.graph.GraphFiles;
import io.boardclerk.graph.fake.FakeDrive;
import io.boardclerk.graph.fake.FakeGraph;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board's SharePoint folder over HTTP: real server, Bot Framework activity JSON, fake Bot Connector, real SQLite
 * file, and the real Graph SDK against a fake Graph (tokens) and fake drive (files) on loopback.
 */
class SharePointEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";
    static final String TYPED = "https://fenshire.sharepoint.com/sites/Board/Shared Documents/Minutes";
    static final String ENCODED = "https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes";
    static final String DRIVE = "b!fenshire-board-documents";
    static final String FOLDER = "01MINUTESFOLDER";
    static final String DRAFT = "2026-11-23 Business Coordination Board - minutes (draft).docx";

    @TempDir
    Path dir;
    FakeGraph login;
    FakeDrive drive;
    FakeOpenIdProvider openId;
    RunningBot bot;
    TeamsChat chat;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (openId != null) {
            openId.close();
        }
        if (drive != null) {
            drive.close();
        }
        if (login != null) {
            login.close();
        }
    }

    private void startWithGraph() throws Exception {
        login = new FakeGraph();
        drive = new FakeDrive().folder(ENCODED, DRIVE, FOLDER, "Minutes");
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", login.authority(), "BOARDCLERK_GRAPH", "",
                "BOARDCLERK_GRAPH_BASE_URL", drive.baseUrl(), "BOARDCLERK_PUBLIC_URL", "https://clerk.fenshire.example"));
        board();
    }

    private void board() throws Exception {
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:bcb-chat@thread.v2", TENANT,
                "Business Coordination Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON);
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).get(0).text().contains("is now the "
                + "secretary"));
        assertTrue(say(SECRETARY, "chair @Helen Marsh", CHAIR).get(0).text().contains("is now the chair"));
    }

    private List<FakeConnector.Sent> say(Member from, String text, Member... mentioned) throws Exception {
        ObjectNode activity = chat.message(from, text, mentioned);
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = openId == null ? bot.client.post(activity)
                : bot.client.post(activity.toString(), openId.bearer(APP_ID, bot.connector.serviceUrl()));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.sentTo(chat.conversationId());
        return sent.subList(before, sent.size());
    }

    private static String texts(List<FakeConnector.Sent> sent) {
        return sent.stream().map(FakeConnector.Sent::text).filter(t -> t != null).collect(Collectors.joining("\n"));
    }

    private static String wordText(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    @Test
    void the_folder_is_set_then_draft_minutes_uploads_the_word_draft_there() throws Exception {
        startWithGraph();

        String set = texts(say(SECRETARY, "sharepoint folder " + TYPED));

        assertTrue(set.startsWith("Minutes drafts and action logs of Business Coordination Board will be uploaded "
                + "to [Minutes](" + ENCODED + ")"), set);
        FakeDrive.Received find = drive.received().get(0);
        assertEquals("/v1.0/shares/" + GraphFiles.shareId(ENCODED) + "/driveItem", find.rawPath());
        assertEquals("Bearer " + FakeGraph.TOKEN, find.authorization());
        assertTrue(texts(say(JON, "sharepoint folder")).contains("uploaded to [Minutes](" + ENCODED + "), as "
                + "Claire Dunmore set on 23/11/2026"));

        say(SECRETARY, "start meeting");
        say(SECRETARY, "Action: Constabulary to bring a report on <Safer Streets> to the next Board.");
        List<FakeConnector.Sent> draft = say(SECRETARY, "draft minutes");

        assertTrue(draft.stream().anyMatch(s -> s.card() != null), "the minutes card with its download link");
        String line = texts(draft);
        assertTrue(line.contains("Uploaded [" + DRAFT + "](https://fenshire.sharepoint.com/"), line);
        assertTrue(line.contains(" to [Minutes](" + ENCODED + ") in SharePoint"), line);
        FakeDrive.Stored stored = drive.stored().get(0);
        assertEquals(DRAFT, stored.name());
        assertEquals(DRIVE, stored.driveId());
        assertEquals(FOLDER, stored.folderId());
        String word = wordText(stored.bytes());
        assertTrue(word.contains("Business Coordination Board"), word);
        assertTrue(word.contains("Safer Streets"), word);
        FakeDrive.Received put = drive.received().get(drive.received().size() - 1);
        assertEquals("PUT", put.method());
        assertEquals("@microsoft.graph.conflictBehavior=replace", put.query());
        assertEquals("Bearer " + FakeGraph.TOKEN, put.authorization());

        List<FakeConnector.Sent> log = say(CHAIR, "upload action log");
        assertTrue(texts(log).startsWith("Uploaded [2026-11-23 Business Coordination Board - action log.docx]"),
                texts(log));
        assertTrue(wordText(drive.stored().get(1).bytes()).contains("Safer Streets"));

        assertTrue(texts(say(SECRETARY, "upload minutes")).startsWith("Uploaded [" + "2026-11-23 Business"));
        assertEquals(DRAFT, drive.stored().get(2).name(), "the same name: SharePoint keeps the earlier as a version");
    }

    @Test
    void the_end_of_a_meeting_uploads_its_draft_and_off_stops_uploads() throws Exception {
        startWithGraph();
        say(CHAIR, "sharepoint folder " + TYPED);
        say(SECRETARY, "start meeting");

        String end = texts(say(SECRETARY, "end meeting"));

        assertTrue(end.contains("Uploaded [" + DRAFT + "]"), end);
        assertEquals(1, drive.stored().size());
        assertTrue(wordText(drive.stored().get(0).bytes()).contains("Business Coordination Board"));

        assertTrue(texts(say(JON, "sharepoint folder off")).contains("Only the chair or secretary"));
        assertTrue(texts(say(SECRETARY, "sharepoint folder off")).contains("will no longer be uploaded"));
        String draft = texts(say(SECRETARY, "draft minutes"));
        assertFalse(draft.contains("Uploaded"), draft);
        assertEquals(1, drive.stored().size());
    }

    @Test
    void the_upload_is_made_with_the_database_free() throws Exception {
        startWithGraph();
        say(SECRETARY, "sharepoint folder " + TYPED);
        say(SECRETARY, "start meeting");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        drive.onUpload(() -> {
            // Another connection takes the write lock at once: it would be busy if the turn's transaction were open.
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + bot.database);
                 java.sql.Statement statement = other.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 0");
                statement.execute("BEGIN IMMEDIATE");
                statement.execute("ROLLBACK");
                seen.add("free");
            } catch (java.sql.SQLException e) {
                seen.add("locked: " + e.getMessage());
            }
        });

        assertTrue(texts(say(SECRETARY, "draft minutes")).contains("Uploaded ["));

        assertEquals(List.of("free"), seen);
    }

    @Test
    void members_may_not_set_the_folder_or_upload_and_bad_addresses_are_refused_with_how_to_say_it() throws Exception {
        startWithGraph();

        assertTrue(texts(say(JON, "sharepoint folder " + TYPED)).contains("Only the chair or secretary"));
        assertTrue(texts(say(JON, "upload action log")).contains("Only the chair or secretary"));
        String http = texts(say(SECRETARY, "sharepoint folder http://fenshire.sharepoint.com/sites/Board"));
        assertTrue(http.contains("starts with https://") && http.contains("`sharepoint folder https://fenshire"),
                http);
        String other = texts(say(SECRETARY, "sharepoint folder https://evil.example/<b>Minutes</b>"));
        assertTrue(other.contains("\"evil.example\" is not a SharePoint or OneDrive for work address"), other);
        assertFalse(other.contains("<b>"), other);
        assertTrue(drive.received().isEmpty(), "nothing was sent to Graph");
        String none = texts(say(SECRETARY, "upload action log"));
        assertTrue(none.contains("has no SharePoint folder to upload to"), none);
        String draft = texts(say(SECRETARY, "draft minutes"));
        assertFalse(draft.contains("SharePoint"), "without a folder the draft is as it always was: " + draft);
    }

    @Test
    void a_site_of_another_organisation_is_refused_and_nothing_is_uploaded_there() throws Exception {
        startWithGraph();
        String elsewhere = "https://elsewhere.sharepoint.com/sites/Drop/Shared%20Documents/Board";
        drive.folder(elsewhere, "b!drive-elsewhere", "01ELSE", "Board");

        String line = texts(say(SECRETARY, "sharepoint folder " + elsewhere));

        assertTrue(line.contains("The SharePoint folder was not set: elsewhere.sharepoint.com is not one of your "
                + "organisation's SharePoint sites (fenshire.sharepoint.com, fenshire-my.sharepoint.com)"), line);
        assertTrue(drive.received().isEmpty(), "Graph was not asked about the other organisation's folder");
        assertEquals(1, drive.rootRequests().size(), "only the organisation's own root site was asked for");
        assertEquals(0, StoredRows.count(bot.database, "sharepoint_folders"));
        assertTrue(texts(say(SECRETARY, "upload action log")).contains("has no SharePoint folder to upload to"));
        assertTrue(drive.stored().isEmpty());

        String own = texts(say(SECRETARY, "sharepoint folder " + TYPED));
        assertTrue(own.contains("will be uploaded to [Minutes]"), own);
    }

    @Test
    void a_folder_that_is_gone_is_said_the_setting_is_kept_and_the_download_link_offered() throws Exception {
        startWithGraph();
        say(SECRETARY, "sharepoint folder " + TYPED);
        say(SECRETARY, "start meeting");
        drive.fail(404, Map.of(), "{\"error\":{\"code\":\"itemNotFound\"}}");

        List<FakeConnector.Sent> draft = say(SECRETARY, "draft minutes");

        String line = texts(draft);
        assertTrue(line.contains("The minutes were not uploaded to [Minutes](" + ENCODED + "): the folder is gone"),
                line);
        assertTrue(line.contains("The setting is kept") && line.contains("[this download link](https://clerk"
                + ".fenshire.example/files/"), line);
        assertTrue(texts(say(SECRETARY, "sharepoint folder")).contains("[Minutes]"), "kept");

        drive.fail(403, Map.of(), "{\"error\":{\"code\":\"accessDenied\"}}");
        String refused = texts(say(SECRETARY, "upload action log"));
        assertTrue(refused.contains("HTTP 403") && refused.contains("Sites.Selected"), refused);
    }

    @Test
    void a_folder_graph_cannot_find_or_a_file_is_not_set() throws Exception {
        startWithGraph();
        drive.file("https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/agenda.pdf", DRIVE, "01F",
                "agenda.pdf");

        String file = texts(say(SECRETARY, "sharepoint folder https://fenshire.sharepoint.com/sites/Board/Shared "
                + "Documents/agenda.pdf"));
        assertTrue(file.contains("that address is of a file (agenda.pdf), not a folder"), file);
        String missing = texts(say(SECRETARY, "sharepoint folder https://fenshire.sharepoint.com/sites/Other/Docs"));
        assertTrue(missing.contains("found no folder at that address") && missing.contains("Sites.Selected"),
                missing);
        assertTrue(texts(say(SECRETARY, "sharepoint folder")).contains("has no SharePoint folder"));
    }

    @Test
    void with_graph_off_the_commands_say_what_enabling_them_takes() throws Exception {
        bot = RunningBot.local(dir);
        board();

        String set = texts(say(SECRETARY, "sharepoint folder " + TYPED));

        assertTrue(set.startsWith("The SharePoint folder was not set: Microsoft Graph is off (local mode"), set);
        assertTrue(set.contains("Sites.Selected"), set);
        say(SECRETARY, "start meeting");
        String draft = texts(say(SECRETARY, "draft minutes"));
        assertFalse(draft.contains("SharePoint"), draft);
        assertTrue(texts(say(SECRETARY, "sharepoint folder off")).contains("had no SharePoint folder; nothing "
                + "changed"));
    }
}
