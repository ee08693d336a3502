package io.boardclerk.bot;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotConfigTest {

    @Test
    void defaultsAreLocalModeOnLoopbackWithThePublicCloud() {
        BotConfig config = BotConfig.from(Map.of());
        assertTrue(config.localMode());
        assertEquals("127.0.0.1", config.host());
        assertEquals(3978, config.port());
        assertEquals(Path.of("./data/boardclerk.db"), config.database());
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
}
