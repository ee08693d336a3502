package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.SsoTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import static io.boardclerk.bot.panel.PanelBoard.CONVERSATION;
import static io.boardclerk.bot.panel.PanelBoard.TENANT;
import static io.boardclerk.bot.support.People.SECRETARY;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.VIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside local mode the panel's API and the export need a Teams single sign-on token: checked offline against keys
 * generated here and published in a local OpenID configuration under the login authority.
 */
class PanelSignInTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String RESOURCE = "api://boardclerk.example.org/" + APP_ID;

    @TempDir
    static Path dir;
    static FakeOpenIdProvider botFramework;
    static RunningBot bot;
    static SsoTokens entra;
    static Instant now;

    @BeforeAll
    static void start() throws Exception {
        botFramework = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "BOARDCLERK_BOT_OPENID_METADATA", botFramework.metadataUrl(),
                "BOARDCLERK_PUBLIC_URL", "https://boardclerk.example.org"));
        entra = new SsoTokens(bot.connector.authority());
        bot.connector.publishSigningKeys(entra.jwkSet());
        now = bot.clock.instant();
        new PanelBoard(bot).open("Bearer " + botFramework.token(APP_ID, bot.connector.serviceUrl(),
                Instant.now().plusSeconds(3600)));
    }

    @AfterAll
    static void stop() {
        bot.close();
        botFramework.close();
    }

    static HttpResponse<String> record(String token) throws Exception {
        return token == null ? bot.client.get(path())
                : bot.client.send("GET", path(), null, "Authorization", "Bearer " + token);
    }

    static String path() {
        return "/api/panel/record?conversation=" + URLEncoder.encode(CONVERSATION, StandardCharsets.UTF_8);
    }

    static String valid(String oid) {
        return entra.sign(entra.claims(RESOURCE, TENANT, oid, now));
    }

    @Test
    void aValidTokenForAMemberOfTheBoardIsServed() throws Exception {
        HttpResponse<String> response = record(valid(JON.aadObjectId()));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Jon Leigh", new ObjectMapper().readTree(response.body()).path("you").path("name").asText());
    }

    @Test
    void theV1IssuerAndTheAppIdAsAudienceAreAccepted() throws Exception {
        assertEquals(200, record(entra.sign(entra.claims(RESOURCE, TENANT, JON.aadObjectId(), now),
                c -> c.issuer("https://sts.windows.net/" + TENANT + "/"))).statusCode());
        assertEquals(200, record(entra.sign(entra.claims(APP_ID, TENANT, JON.aadObjectId(), now))).statusCode());
    }

    @Test
    void theLocalModeHeadersCountForNothingOutsideLocalMode() throws Exception {
        assertEquals(401, record(null).statusCode());
        assertEquals(401, bot.client.send("GET", path(), null, PanelAccess.USER_HEADER, JON.aadObjectId(),
                PanelAccess.TENANT_HEADER, TENANT).statusCode());
        assertEquals(401, bot.client.send("POST", "/api/panel/apologies", "{\"conversation\":\"" + CONVERSATION
                + "\"}", PanelAccess.USER_HEADER, JON.aadObjectId(), PanelAccess.TENANT_HEADER, TENANT).statusCode());
    }

    @Test
    void badTokensAre401() throws Exception {
        String oid = JON.aadObjectId();
        var claims = entra.claims(RESOURCE, TENANT, oid, now);
        String[] bad = {
            "not-a-jwt",
            entra.signByStranger(entra.claims(RESOURCE, TENANT, oid, now)),
            entra.sign(entra.claims(RESOURCE, TENANT, oid, now), c -> c.expirationTime(Date.from(now.minusSeconds(600)))),
            entra.sign(entra.claims(RESOURCE, TENANT, oid, now), c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))),
            entra.sign(entra.claims("api://elsewhere.example.org/" + APP_ID, TENANT, oid, now)),
            entra.sign(entra.claims(RESOURCE, TENANT, oid, now), c -> c.issuer("https://login.example.org/" + TENANT + "/v2.0")),
            entra.sign(entra.claims(RESOURCE, TENANT, oid, now), c -> c.issuer(bot.connector.authority() + "/other-tenant/v2.0")),
            entra.sign(entra.claims(RESOURCE, TENANT, oid, now), c -> c.claim("oid", null)),
        };
        for (String token : bad) {
            HttpResponse<String> response = record(token);
            assertEquals(401, response.statusCode(), response.body());
            assertFalse(response.body().contains(token), "the token is not repeated");
        }
        assertEquals(200, record(entra.sign(claims)).statusCode(), "the same claims, properly signed");
    }

    @Test
    void aSignedInUserSeesOnlyBoardsWhoseRosterHoldsThem() throws Exception {
        assertEquals(404, record(valid(VIC.aadObjectId())).statusCode(), "valid token, not on the roster");
        assertEquals(404, record(entra.sign(entra.claims(RESOURCE, "other-tenant", JON.aadObjectId(), now)))
                .statusCode(), "the same object id in another tenant");
    }

    @Test
    void theExportNeedsSignInAndAnOfficersSeatOnTheBoard() throws Exception {
        assertEquals(401, bot.client.get("/api/boards/1/export").statusCode());
        assertEquals(404, bot.client.send("GET", "/api/boards/1/export", null, "Authorization",
                "Bearer " + valid(VIC.aadObjectId())).statusCode());
        HttpResponse<String> member = bot.client.send("GET", "/api/boards/1/export", null, "Authorization",
                "Bearer " + valid(JON.aadObjectId()));
        assertEquals(403, member.statusCode(), "a member who is not an officer: " + member.body());
        assertFalse(member.body().contains(CONVERSATION), member.body());
        HttpResponse<String> export = bot.client.send("GET", "/api/boards/1/export", null, "Authorization",
                "Bearer " + valid(SECRETARY.aadObjectId()));
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.body().contains(CONVERSATION));
    }

    @Test
    void aSingleTenantBotRefusesOtherTenantsAndTokensNeverReachTheLog() throws Exception {
        SsoTokenValidator single = new SsoTokenValidator(bot.connector.authority(), TENANT, RESOURCE, APP_ID,
                Clock.fixed(now, ZoneOffset.UTC), HttpClient.newHttpClient());
        assertEquals(JON.aadObjectId(), single.validate(valid(JON.aadObjectId())).aadObjectId());
        String foreign = entra.sign(entra.claims(RESOURCE, "other-tenant", JON.aadObjectId(), now));
        assertTrue(assertThrows(SsoTokenValidator.Rejected.class, () -> single.validate(foreign)).getMessage()
                .contains("another tenant"));

        var context = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        try {
            String token = entra.sign(entra.claims(RESOURCE, TENANT, JON.aadObjectId(), now),
                    c -> c.expirationTime(Date.from(now.minusSeconds(600))));
            assertEquals(401, record(token).statusCode());
            assertEquals(401, record(foreign + "x").statusCode());
            assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("has expired")),
                    "the refusal is logged, with its reason");
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertTrue(appender.list.stream().noneMatch(e -> e.getFormattedMessage().contains(signature)
                    || e.getFormattedMessage().contains(foreign)), "no token in the log");
        } finally {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
    }
}
