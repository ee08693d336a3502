package io.boardclerk.bot;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotConfigTest {

    @Test
    void defaultsAreLocalModeOnLoopbackWithThePublicCloud() {
        BotConfig config = BotConfig.from(Map.of());
        assertTrue(config.localMode());
        assertEquals("127.0.0.1", config.host());
        assertEquals(3978, config.port());
        assertEquals(Path.of("./data/boardclerk.db"), config.database().sqliteFile());
        assertFalse(config.database().isPostgres());
        assertEquals(ZoneId.of("Europe/London"), config.zone());
        assertEquals(BotConfig.PUBLIC_OPENID_METADATA, config.openIdMetadataUrl());
        assertEquals(BotConfig.PUBLIC_LOGIN_AUTHORITY, config.loginAuthority());
        assertEquals(BotConfig.PUBLIC_OAUTH_SCOPE, config.oauthScope());
    }

    @Test
    void anAppIdMeansAllInterfacesAndNationalCloudsCanBeSet() {
        BotConfig config = BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                "BOARDCLERK_LOGIN_AUTHORITY", "https://login.microsoftonline.us/",
                "BOARDCLERK_BOT_OAUTH_SCOPE", "https://api.botframework.us/.default"));
        assertEquals("0.0.0.0", config.host());
        assertEquals("https://login.microsoftonline.us", config.loginAuthority());
        assertEquals("https://api.botframework.us/.default", config.oauthScope());
    }

    @Test
    void badValuesFailFastNamingTheVariable() {
        assertTrue(assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of("PORT", "eighty")))
                .getMessage().contains("PORT"));
        assertTrue(assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of("PORT", "70000")))
                .getMessage().contains("PORT"));
        assertTrue(assertThrows(BotConfig.ConfigException.class,
                () -> BotConfig.from(Map.of("BOARDCLERK_TIMEZONE", "Mars/Olympus"))).getMessage()
                .contains("BOARDCLERK_TIMEZONE"));
        assertTrue(assertThrows(BotConfig.ConfigException.class,
                () -> BotConfig.from(Map.of("MicrosoftAppId", "id"))).getMessage().contains("MicrosoftAppPassword"));
        assertTrue(assertThrows(BotConfig.ConfigException.class,
                () -> BotConfig.from(Map.of("BOARDCLERK_BOT_OPENID_METADATA", "ftp://x"))).getMessage()
                .contains("BOARDCLERK_BOT_OPENID_METADATA"));
    }

    @Test
    void theSingleSignOnResourceComesFromThePublicHostAndTheAppIdAndFailsFast() {
        String appId = "11111111-2222-3333-4444-555555555555";
        assertEquals("", BotConfig.from(Map.of()).ssoResource(), "local mode signs nobody in");
        assertEquals("", BotConfig.from(Map.of("MicrosoftAppId", appId, "MicrosoftAppPassword", "s")).ssoResource());
        assertEquals("api://boardclerk.example.org/" + appId, BotConfig.from(Map.of("MicrosoftAppId", appId,
                "MicrosoftAppPassword", "s", "BOARDCLERK_PUBLIC_URL", "https://boardclerk.example.org:8443/"))
                .ssoResource());
        assertEquals("api://panel.example.org/" + appId, BotConfig.from(Map.of("MicrosoftAppId", appId,
                "MicrosoftAppPassword", "s", "BOARDCLERK_SSO_RESOURCE", "api://panel.example.org/" + appId))
                .ssoResource());
        for (String bad : new String[]{"https://panel.example.org/" + appId, "api://panel.example.org/other-app"}) {
            assertTrue(assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of("MicrosoftAppId",
                    appId, "MicrosoftAppPassword", "s", "BOARDCLERK_SSO_RESOURCE", bad))).getMessage()
                    .contains("BOARDCLERK_SSO_RESOURCE"));
        }
    }

    @Test
    void thePanelsTestHostIsATestHookForLocalModeOnlyNotASetting() {
        BotConfig local = BotConfig.from(Map.of());
        assertEquals("http://127.0.0.1:41234", new TestHooks("http://127.0.0.1:41234").requireLocal(local)
                .panelHostOrigin());
        assertThrows(IllegalArgumentException.class, () -> new TestHooks("http://127.0.0.1:41234")
                .requireLocal(BotConfig.from(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "s"))));
        for (String bad : new String[]{"true", "https://teams.example.org", "http://127.0.0.1:41234/",
                "http://10.0.0.1:80", "http://127.0.0.1.example.org:80"}) {
            assertThrows(IllegalArgumentException.class, () -> new TestHooks(bad), bad);
        }
        // The environment cannot set it: production configuration has no such setting.
        assertFalse(BotConfig.from(Map.of("BOARDCLERK_PANEL_TEST_HOST_ORIGIN", "http://127.0.0.1:41234")).toString()
                .contains("41234"));
    }

    @Test
    void theClockStartIsForLocalModeOnly() {
        assertEquals(null, BotConfig.from(Map.of()).clockStart());
        assertEquals(java.time.Instant.parse("2026-11-30T08:00:00Z"), BotConfig.from(Map.of("BOARDCLERK_CLOCK_START",
                "2026-11-30T08:00:00Z")).clockStart());
        assertTrue(assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of(
                "BOARDCLERK_CLOCK_START", "2026-11-30T08:00:00Z", "MicrosoftAppId", "app",
                "MicrosoftAppPassword", "s"))).getMessage().contains("local mode only"));
        assertTrue(assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of(
                "BOARDCLERK_CLOCK_START", "next Monday"))).getMessage().contains("2026-11-23T10:00:00Z"));
    }

    @Test
    void reminderSettingsHaveDefaultsAndFailFast() {
        ReminderSettings defaults = BotConfig.from(Map.of()).reminders();
        assertEquals(java.time.Duration.ofSeconds(60), defaults.sweep());
        assertEquals(50, defaults.tenantRate());
        assertEquals(6, defaults.maxTries());
        assertEquals(java.time.Duration.ofSeconds(15), defaults.sendTimeout());
        assertEquals(200, defaults.dailyCap());
        ReminderSettings set = BotConfig.from(Map.of("BOARDCLERK_REMINDER_SWEEP_SECONDS", "5",
                "BOARDCLERK_REMINDER_RATE", "20", "BOARDCLERK_REMINDER_TRIES", "3",
                "BOARDCLERK_REMINDER_TIMEOUT_SECONDS", "4", "BOARDCLERK_REMINDER_DAILY_CAP", "40")).reminders();
        assertEquals(new ReminderSettings(java.time.Duration.ofSeconds(5), 20, 3,
                java.time.Duration.ofSeconds(4), "", 40), set);
        for (String[] bad : new String[][]{{"BOARDCLERK_REMINDER_SWEEP_SECONDS", "0"},
                {"BOARDCLERK_REMINDER_RATE", "many"}, {"BOARDCLERK_REMINDER_RATE", "-1"},
                {"BOARDCLERK_REMINDER_TRIES", "21"}, {"BOARDCLERK_REMINDER_TIMEOUT_SECONDS", "1.5"},
                {"BOARDCLERK_REMINDER_DAILY_CAP", "0"}}) {
            assertTrue(assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of(bad[0], bad[1])))
                    .getMessage().startsWith(bad[0] + " must be a whole number"), bad[0]);
        }
    }

    @Test
    void downloadLinksDefaultToADayAndTheirSettingsFailFast() {
        BotConfig defaults = BotConfig.from(Map.of());
        assertEquals(java.time.Duration.ofHours(24), defaults.linkTtl());
        assertEquals("", defaults.publicUrl());
        assertEquals("", defaults.linkKey());

        BotConfig set = BotConfig.from(Map.of("BOARDCLERK_PUBLIC_URL", "https://boardclerk.example.org/",
                "BOARDCLERK_LINK_TTL", "72", "BOARDCLERK_LINK_KEY", "k".repeat(40)));
        assertEquals("https://boardclerk.example.org", set.publicUrl());
        assertEquals(java.time.Duration.ofHours(72), set.linkTtl());
        assertTrue(set.toString().contains("linkKey=(set)"), set.toString());
        assertTrue(!set.toString().contains("k".repeat(40)), "the key is never shown");

        for (String ttl : new String[]{"0", "-1", "a day", "721", "1.5"}) {
            assertTrue(assertThrows(BotConfig.ConfigException.class,
                    () -> BotConfig.from(Map.of("BOARDCLERK_LINK_TTL", ttl))).getMessage()
                    .contains("BOARDCLERK_LINK_TTL"), ttl);
        }
        for (String url : new String[]{"boardclerk.example.org", "ftp://x.example", "https://x.example/?q=1",
                "https://user:pw@x.example", "https://"}) {
            assertTrue(assertThrows(BotConfig.ConfigException.class,
                    () -> BotConfig.from(Map.of("BOARDCLERK_PUBLIC_URL", url))).getMessage()
                    .contains("BOARDCLERK_PUBLIC_URL"), url);
        }
        BotConfig.ConfigException shortKey = assertThrows(BotConfig.ConfigException.class,
                () -> BotConfig.from(Map.of("BOARDCLERK_LINK_KEY", "too-short-secret")));
        assertTrue(shortKey.getMessage().contains("BOARDCLERK_LINK_KEY"));
        assertTrue(!shortKey.getMessage().contains("too-short-secret"), "the key is never shown");
    }

    @Test
    void graphIsOnWithTheAppsCredentialsOffInLocalModeAndItsSettingsAreChecked(@org.junit.jupiter.api.io.TempDir
                                                                              Path dir) throws Exception {
        BotConfig local = BotConfig.from(Map.of());
        assertTrue(!local.graph(), "local mode: no Graph");
        assertEquals(BotConfig.PUBLIC_GRAPH_BASE_URL, local.graphBaseUrl());

        assertTrue(BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw")).graph(),
                "with the app's credentials Graph is on by default");
        String refused = assertThrows(BotConfig.ConfigException.class,
                () -> BotConfig.from(Map.of("BOARDCLERK_GRAPH", "on"))).getMessage();
        assertTrue(refused.contains("BOARDCLERK_GRAPH=on") && refused.contains("MicrosoftAppId"), refused);
        assertTrue(!BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                "BOARDCLERK_LOGIN_AUTHORITY", "http://127.0.0.1:9/login")).graph(),
                "by default, an authority azure-identity cannot use (plain http, allowed on loopback only) leaves "
                        + "Graph off instead of stopping start-up");
        BotConfig on = BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                "BOARDCLERK_GRAPH", "on", "BOARDCLERK_GRAPH_BASE_URL", "https://graph.microsoft.us/v1.0/"));
        assertTrue(on.graph());
        assertEquals("https://graph.microsoft.us/v1.0", on.graphBaseUrl());
        assertEquals(null, on.graphCertificate());
        assertTrue(!BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                "BOARDCLERK_GRAPH", "off")).graph());

        Path pem = java.nio.file.Files.writeString(dir.resolve("app.pem"), "not read until the first lookup");
        assertEquals(pem, BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                "BOARDCLERK_GRAPH", "on", "BOARDCLERK_GRAPH_CERTIFICATE", pem.toString())).graphCertificate());

        for (Map<String, String> bad : List.of(
                Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw", "BOARDCLERK_GRAPH", "maybe"),
                Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                        "BOARDCLERK_GRAPH", "on", "BOARDCLERK_GRAPH_BASE_URL", "http://graph.example.org/v1.0"),
                Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                        "BOARDCLERK_GRAPH", "on", "BOARDCLERK_LOGIN_AUTHORITY", "http://login.example.org"),
                Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                        "BOARDCLERK_GRAPH", "on", "BOARDCLERK_GRAPH_CERTIFICATE", dir.resolve("missing.pem").toString()),
                Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                        "BOARDCLERK_GRAPH", "on", "BOARDCLERK_GRAPH_CERTIFICATE", dir.resolve("app.txt").toString()),
                Map.of("BOARDCLERK_GRAPH_CERTIFICATE", pem.toString()))) {
            BotConfig.ConfigException e = assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(bad),
                    bad.toString());
            assertTrue(e.getMessage().contains("BOARDCLERK_"), e.getMessage());
            assertTrue(!e.getMessage().contains("pw"), "the password is never shown");
        }
        assertTrue(!on.toString().contains("pw"), on.toString());
    }

    @Test
    void theMailboxRemindersAreEmailedFromIsCheckedAtStartAndNeedsGraph() {
        assertFalse(BotConfig.from(Map.of()).reminderMail(), "unset: no e-mail");
        String local = assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of(
                "BOARDCLERK_MAIL_FROM", "boardclerk@fenshire.gov.uk"))).getMessage();
        assertTrue(local.contains("BOARDCLERK_MAIL_FROM") && local.contains("MicrosoftAppId is empty"), local);
        BotConfig on = BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                "BOARDCLERK_MAIL_FROM", " boardclerk@fenshire.gov.uk "));
        assertTrue(on.reminderMail());
        assertEquals("boardclerk@fenshire.gov.uk", on.reminders().mailFrom());
        assertFalse(BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw", "BOARDCLERK_GRAPH",
                "off", "BOARDCLERK_MAIL_FROM", "boardclerk@fenshire.gov.uk")).reminderMail(), "Graph off: e-mail off");
        assertEquals("0a1b2c3d-0000-4000-8000-00000000abcd", BotConfig.from(Map.of("MicrosoftAppId", "id",
                "MicrosoftAppPassword", "pw", "BOARDCLERK_MAIL_FROM", "0a1b2c3d-0000-4000-8000-00000000abcd"))
                .reminders().mailFrom(), "an object id will do");
        for (String bad : new String[]{"boardclerk", "Board Clerk <boardclerk@fenshire.gov.uk>", "a@b",
                "boardclerk@fenshire.gov.uk/sendMail", "mailto:x@y.z?cc=a@b.c"}) {
            String message = assertThrows(BotConfig.ConfigException.class,
                    () -> BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                            "BOARDCLERK_MAIL_FROM", bad))).getMessage();
            assertTrue(message.startsWith("BOARDCLERK_MAIL_FROM must be the mailbox") && message.contains(bad),
                    message);
        }
    }

    @Test
    void productionSettingsWithoutAnAppIdRefuseToStartNamingWhatIsThere() {
        for (Map<String, String> env : java.util.List.of(Map.of("MicrosoftAppPassword", "s3cret"),
                Map.of("MicrosoftAppTenantId", "tenant-cambs"), Map.of("BOARDCLERK_GRAPH", "ON"),
                Map.of("BOARDCLERK_SSO_RESOURCE", "api://boardclerk.example.org/app"),
                Map.of("BOARDCLERK_GRAPH_CERTIFICATE_PASSWORD", "pfx-pass"))) {
            String message = assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(env)).getMessage();
            String name = env.keySet().iterator().next();
            assertTrue(message.contains(name) && message.contains("MicrosoftAppId is empty"), message);
            assertFalse(message.contains("s3cret") || message.contains("pfx-pass"), "no secret in " + message);
        }
        String both = assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of(
                "MicrosoftAppPassword", "x", "MicrosoftAppTenantId", "t"))).getMessage();
        assertTrue(both.contains("MicrosoftAppPassword, MicrosoftAppTenantId are set"), both);
    }

    @Test
    void signInAndKeyAddressesMustBeHttpsExceptOnLoopback() {
        for (String name : new String[]{"BOARDCLERK_LOGIN_AUTHORITY", "BOARDCLERK_BOT_OPENID_METADATA"}) {
            for (String bad : new String[]{"http://login.example.org", "http://127.0.0.1.example.org:80/x",
                    "ftp://127.0.0.1/x", "https://user@login.example.org"}) {
                String message = assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(Map.of(
                        "MicrosoftAppId", "id", "MicrosoftAppPassword", "pw", name, bad))).getMessage();
                assertTrue(message.startsWith(name + " must be an https URL"), message);
            }
            BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw", name,
                    "http://127.0.0.1:4000/login"));
            BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw", name,
                    "https://login.example.org"));
        }
    }

    @Test
    void serviceUrlHostsTenantsAndAdmins() {
        BotConfig local = BotConfig.from(Map.of());
        assertTrue(local.security().serviceUrlHosts().allows("http://127.0.0.1:3978/"),
                "local mode: loopback on any port, where the Playground's connector listens");
        assertTrue(local.security().serviceUrlHosts().allows("http://localhost:56150/"));
        assertFalse(local.security().serviceUrlHosts().allows("https://smba.trafficmanager.net/emea/"),
                "local mode has no token to send, and sends nothing off the machine");
        BotConfig defaults = BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw"));
        assertTrue(defaults.security().serviceUrlHosts().allows("https://smba.trafficmanager.net/emea/"));
        assertFalse(defaults.security().serviceUrlHosts().allows("http://smba.trafficmanager.net/emea/"));
        assertFalse(defaults.security().serviceUrlHosts().allows("https://smba.trafficmanager.net:8443/emea/"));
        assertFalse(defaults.security().serviceUrlHosts().allows("https://smba.trafficmanager.net.evil.org/"));
        assertFalse(defaults.security().serviceUrlHosts().allows("http://127.0.0.1:3978/"));
        assertTrue(defaults.security().tenantAllowed("any-tenant"), "no tenant id: any tenant");
        assertFalse(defaults.security().tenantAllowed(""), "but never none");

        BotConfig loopback = BotConfig.from(Map.of("BOARDCLERK_SERVICE_URL_HOSTS", "127.0.0.1:3978, smba.example.org"));
        assertTrue(loopback.security().serviceUrlHosts().allows("http://127.0.0.1:3978/"));
        assertFalse(loopback.security().serviceUrlHosts().allows("http://127.0.0.1:3979/"));
        assertFalse(loopback.security().serviceUrlHosts().allows("http://smba.example.org/"), "http only on loopback");
        assertTrue(loopback.security().serviceUrlHosts().allows("https://smba.example.org/amer/"));
        for (String bad : new String[]{"127.0.0.1", "https://smba.example.org", "smba.example.org:99999", ","}) {
            assertThrows(BotConfig.ConfigException.class,
                    () -> BotConfig.from(Map.of("BOARDCLERK_SERVICE_URL_HOSTS", bad)), bad);
        }

        BotConfig single = BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw",
                "MicrosoftAppTenantId", "Tenant-A", "BOARDCLERK_ADMINS", "AAD-1, admin@fenshire.example"));
        assertTrue(single.security().tenantAllowed("tenant-a"));
        assertFalse(single.security().tenantAllowed("tenant-b"), "the app's tenant by default");
        assertTrue(single.security().admin("aad-1", null));
        assertTrue(single.security().admin(null, "Admin@Fenshire.example"));
        assertFalse(single.security().admin("aad-2", "someone@fenshire.example"));
        assertTrue(BotConfig.from(Map.of("MicrosoftAppId", "id", "MicrosoftAppPassword", "pw", "MicrosoftAppTenantId",
                "tenant-a", "BOARDCLERK_ALLOWED_TENANTS", "tenant-b")).security().tenantAllowed("tenant-b"));
    }

    @Test
    void linkKeysMayBeSeveralWithIdsForRotation() {
        String a = "a".repeat(32);
        String b = "b".repeat(40);
        assertEquals("k2:" + b + ",k1:" + a, BotConfig.from(Map.of("BOARDCLERK_LINK_KEY", "k2:" + b + ",k1:" + a))
                .linkKey());
        for (String bad : new String[]{a + "," + b, "k1:" + a + ",k1:" + b, "k 1:" + a, "k2:short," + "k1:" + a}) {
            String message = assertThrows(BotConfig.ConfigException.class,
                    () -> BotConfig.from(Map.of("BOARDCLERK_LINK_KEY", bad))).getMessage();
            assertTrue(message.startsWith("BOARDCLERK_LINK_KEY"), message);
            assertFalse(message.contains(a) || message.contains(b), "no secret in " + message);
        }
    }
}
