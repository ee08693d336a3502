package io.boardclerk.bot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * BoardClerk's logging, set up in code when Logback starts (found through {@code META-INF/services}; there is no
 * logback.xml: parsing its XML took a visible share of every start): everything to standard error, as text, or with
 * {@code BOARDCLERK_LOG_FORMAT=json} as one JSON object a line ({@link JsonLogEncoder}). A value other than text
 * or json is reported by the configuration check, which stops start-up; here it falls back to text.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    public static final String FORMAT_VARIABLE = "BOARDCLERK_LOG_FORMAT";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    /** Libraries' loggers quieter than INFO: they report every request or token fetch there. */
    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "org.flywaydb", Level.WARN,
            "okhttp3", Level.WARN,
            "com.microsoft.bot", Level.WARN,
            // azure-core warns on every token request that the JDK HttpClient sets Content-Length itself
            "com.azure.core.http.jdk.httpclient", Level.ERROR,
            "com.azure", Level.WARN,
            "com.microsoft.aad.msal4j", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, json(System.getenv(FORMAT_VARIABLE))));
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static boolean json(String format) {
        return format != null && format.strip().equalsIgnoreCase("json");
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            JsonLogEncoder encoder = new JsonLogEncoder();
            encoder.setContext(context);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
