package io.boardclerk.bot;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BOARDCLERK_METRICS_PORT, BOARDCLERK_METRICS_HOST and BOARDCLERK_LOG_FORMAT as read at start-up. */
class ObservabilityConfigTest {

    @Test
    void metricsAreOffAndLogsTextUnlessAskedFor() {
        Observability o = BotConfig.from(Map.of()).observability();
        assertFalse(o.metrics());
        assertFalse(o.jsonLogs());
    }

    @Test
    void metricsOnTheirOwnPortBoundToLoopbackByDefault() {
        Observability o = BotConfig.from(Map.of("BOARDCLERK_METRICS_PORT", "9464", "BOARDCLERK_LOG_FORMAT", "JSON"))
                .observability();
        assertTrue(o.metrics());
        assertEquals(9464, o.metricsPort());
        assertEquals("127.0.0.1", o.metricsHost());
        assertTrue(o.jsonLogs());
        assertEquals("0.0.0.0", BotConfig.from(Map.of("BOARDCLERK_METRICS_PORT", "9464",
                "BOARDCLERK_METRICS_HOST", "0.0.0.0")).observability().metricsHost());
    }

    @Test
    void badValuesStopStartUpNamingTheVariable() {
        for (Map<String, String> env : java.util.List.of(Map.of("BOARDCLERK_METRICS_PORT", "lots"),
                Map.of("BOARDCLERK_METRICS_PORT", "70000"),
                Map.of("PORT", "3978", "BOARDCLERK_METRICS_PORT", "3978"))) {
            BotConfig.ConfigException e = assertThrows(BotConfig.ConfigException.class, () -> BotConfig.from(env));
            assertTrue(e.getMessage().contains("BOARDCLERK_METRICS_PORT"), e.getMessage());
        }
        BotConfig.ConfigException e = assertThrows(BotConfig.ConfigException.class,
                () -> BotConfig.from(Map.of("BOARDCLERK_LOG_FORMAT", "xml")));
        assertTrue(e.getMessage().contains("BOARDCLERK_LOG_FORMAT"), e.getMessage());
    }
}
