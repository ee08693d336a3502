package io.boardclerk.bot;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bot Framework SDK asks for slf4j 1.7; beside a 2.x binding that would send every log line nowhere. This
 * proves SLF4J is bound to Logback and that lines, including the SDK's and Apache POI's (through the Log4j API),
 * come out, and that neither the configuration's text nor a download path carries a secret.
 */
class LoggingTest {

    @Test
    void logLinesReachLogback() {
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory(),
                "SLF4J must be bound to Logback, not the no-op logger");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        try {
            LoggerFactory.getLogger(BoardClerkServer.class).info("hello from BoardClerk");
            LoggerFactory.getLogger("com.microsoft.bot.builder.BotFrameworkAdapter").error("hello from the SDK");
            org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.xwpf.usermodel.XWPFDocument")
                    .error("hello from POI");
            assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().equals("hello from BoardClerk")));
            assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().equals("hello from the SDK")));
            assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().equals("hello from POI")
                    && e.getLoggerName().equals("org.apache.poi.xwpf.usermodel.XWPFDocument")),
                    "Apache POI logs through the Log4j API, bridged to SLF4J and so to Logback");
        } finally {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
    }

    @Test
    void aDownloadTokenNeverReachesTheLog() {
        assertEquals("/files/(token)", HttpApi.loggable("/files/MS43LS0uQUNUSU9OX0xPR19DU1YuMTc5.c2lnbmF0dXJl"));
        assertEquals("/api/messages", HttpApi.loggable("/api/messages"));
    }

    @Test
    void theConfigurationNeverPrintsTheSecret() {
        BotConfig config = BotConfig.from(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "hunter2-secret"));
        assertFalse(config.toString().contains("hunter2-secret"), config.toString());
        assertTrue(config.toString().contains("appPassword=(set)"));
    }
}
