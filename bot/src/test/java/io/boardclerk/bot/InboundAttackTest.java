package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.StoredRows;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on /api/messages of a production-mode server (app id, single tenant), over HTTP with tokens signed by the
 * fake Bot Framework's own published key: each refusal answers 401 or 403, and afterwards the database holds nothing
 * new and neither the board's connector nor any other host received a request (so no token went anywhere).
 */
class InboundAttackTest {

    static final String APP_ID = "00000000-1111-2222-3333-555555555555";
    static final String TENANT = "tenant-cambs";

    @TempDir
    static Path dir;
    static FakeOpenIdProvider openId;
    static RunningBot bot;
    static FakeConnector elsewhere;

    @BeforeAll
    static void start() throws Exception {
        openId = new FakeOpenIdProvider();
        elsewhere = new FakeConnector();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl()));
    }

    @AfterAll
    static void stop() {
        bot.close();
        elsewhere.close();
        openId.close();
    }

    private TeamsChat chat(String serviceUrl, String tenant) {
        return TeamsChat.groupChat(serviceUrl, "19:attack-" + TeamsChat.nextId() + "@thread.v2", tenant, "Attack");
    }

    /** Posts the activity with the header, and proves that nothing was stored or sent because of it. */
    private HttpResponse<String> refused(ObjectNode activity, String authorization, int status) throws Exception {
        String before = StoredRows.footprint(bot.database);
        int requests = bot.connector.requests();
        HttpResponse<String> response = bot.client.post(activity.toString(), authorization);
        assertEquals(status, response.statusCode(), response.body());
        Thread.sleep(200);
        assertEquals(before, StoredRows.footprint(bot.database), "nothing was stored");
        assertEquals(requests, bot.connector.requests(), "nothing was sent to the board's connector");
        assertEquals(0, elsewhere.requests(), "nothing was sent anywhere else");
        return response;
    }

    @ParameterizedTest(name = "issuer {0}")
    @ValueSource(strings = {"https://sts.windows.net/tenant-cambs/", "https://login.microsoftonline.com/tenant-cambs/v2.0",
            "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "https://api.botframework.com.evil.example"})
    void aTokenFromAnyIssuerButTheChannelServiceIs401BeforeTheSdkSeesIt(String issuer) throws Exception {
        TeamsChat chat = chat(bot.connector.serviceUrl(), TENANT);
        // Shaped as a skill's or the emulator's token too (version and appid claims), which the SDK would send down
        // paths that fetch Microsoft's Entra metadata.
        String bearer = openId.bearerFrom(issuer, APP_ID, bot.connector.serviceUrl(),
                Map.of("ver", "1.0", "appid", "some-other-bot"));
        refused(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY), bearer, 401);
    }

    @Test
    void aSkillTokenFromTheChannelIssuerIs401ThroughTheClaimsValidator() throws Exception {
        TeamsChat chat = chat(bot.connector.serviceUrl(), TENANT);
        String bearer = openId.bearerFrom(FakeOpenIdProvider.ISSUER, APP_ID, bot.connector.serviceUrl(),
                Map.of("ver", "1.0", "appid", "some-other-bot"));
        refused(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY), bearer, 401);
    }

    @Test
    void anActivityFromAnotherChannelIsRefused() throws Exception {
        ObjectNode activity = chat(bot.connector.serviceUrl(), TENANT).message(SECRETARY, "help");
        activity.put("channelId", "webchat");
        // The signing key is endorsed for msteams only, so the SDK refuses it first (401); local mode, with no
        // token to check, answers 403 (LocalModeAttackTest).
        refused(activity, openId.bearer(APP_ID, bot.connector.serviceUrl()), 401);
    }

    @Test
    void aCorrectlySignedActivityForAHostOffTheListIs403AndNoTokenLeaves() throws Exception {
        // The token's serviceurl claim matches the activity's: the signature is good, the host is the attacker's.
        ObjectNode activity = chat(elsewhere.serviceUrl(), TENANT).message(SECRETARY, "help");
        HttpResponse<String> response = refused(activity, openId.bearer(APP_ID, elsewhere.serviceUrl()), 403);
        assertTrue(response.body().contains("serviceUrl"), response.body());
        assertEquals(0, elsewhere.tokenRequests());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://smba.example.invalid/emea/", "http://smba.trafficmanager.net.example.invalid/",
            "https://user@smba.trafficmanager.net/emea/"})
    void serviceUrlsOffTheListAre403(String serviceUrl) throws Exception {
        ObjectNode activity = chat(serviceUrl, TENANT).message(SECRETARY, "help");
        refused(activity, openId.bearer(APP_ID, serviceUrl), 403);
    }

    @Test
    void anotherTenantIs403() throws Exception {
        ObjectNode activity = chat(bot.connector.serviceUrl(), "tenant-elsewhere").message(SECRETARY,
                "secretary @Claire Dunmore", SECRETARY);
        HttpResponse<String> response = refused(activity, openId.bearer(APP_ID, bot.connector.serviceUrl()), 403);
        assertTrue(response.body().contains("tenant"), response.body());
    }

    @Test
    void noTenantOrTwoTenantsIs403() throws Exception {
        ObjectNode none = chat(bot.connector.serviceUrl(), TENANT).message(SECRETARY, "help");
        ((ObjectNode) none.get("conversation")).remove("tenantId");
        none.remove("channelData");
        refused(none, openId.bearer(APP_ID, bot.connector.serviceUrl()), 403);

        ObjectNode two = chat(bot.connector.serviceUrl(), TENANT).message(SECRETARY, "help");
        ((ObjectNode) two.get("channelData")).putObject("tenant").put("id", "tenant-elsewhere");
        refused(two, openId.bearer(APP_ID, bot.connector.serviceUrl()), 403);
    }

    @Test
    void theSameActivityProperlyAddressedIsServed() throws Exception {
        TeamsChat chat = chat(bot.connector.serviceUrl(), TENANT);
        bot.connector.roster(chat.conversationId(), SECRETARY);
        HttpResponse<String> response = bot.client.post(chat.message(SECRETARY, "help").toString(),
                openId.bearer(APP_ID, bot.connector.serviceUrl()));
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(1, bot.connector.awaitSent(chat.conversationId(), 1, Duration.ofSeconds(5)).size());
    }

    @Test
    void theExportNeedsSignInOutsideLocalMode() throws Exception {
        HttpResponse<String> response = bot.client.get("/api/boards/1/export");
        assertTrue(response.statusCode() == 401 || response.statusCode() == 503, response.statusCode() + " "
                + response.body());
        assertTrue(!response.body().contains("\"meetings\""), response.body());
    }
}
