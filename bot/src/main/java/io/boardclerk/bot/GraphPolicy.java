package io.boardclerk.bot;

import io.boardclerk.bot.reminders.ReminderSender;
import io.boardclerk.core.port.Directory;
import io.boardclerk.graph.GraphCalls;
import io.boardclerk.graph.GraphChatPoster;
import io.boardclerk.graph.GraphConversationNames;
import io.boardclerk.graph.GraphDirectory;
import io.boardclerk.graph.GraphFiles;
import io.boardclerk.graph.GraphMailer;
import io.boardclerk.graph.GraphSettings;
import io.boardclerk.graph.GraphTeamOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether and how BoardClerk uses Microsoft Graph, decided once from the configuration: each Graph client when Graph
 * is on (every request counted by the metrics), and when it is off, nothing but a plain reason that the chat is told.
 */
final class GraphPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(GraphPolicy.class);

    private final BotConfig config;
    private final GraphCalls calls;

    GraphPolicy(BotConfig config, GraphCalls calls) {
        this.config = config;
        this.calls = calls;
    }

    boolean on() {
        return config.graph();
    }

    /** Graph's settings from the configuration, each request told to {@code calls} (the metrics). */
    static GraphSettings settings(BotConfig config, GraphCalls calls) {
        return GraphSettings.of(config.appId(), config.appPassword(), config.graphCertificate(),
                config.graphCertificatePassword(), config.appTenantId(), config.loginAuthority(),
                config.graphBaseUrl()).countedBy(calls);
    }

    /** Why Graph is off, and what turning it on takes, for the line that says so in chat. */
    String off() {
        if (config.localMode()) {
            return "local mode: run BoardClerk with MicrosoftAppId and MicrosoftAppPassword to use it";
        }
        return config.loginAuthority().startsWith("https://") ? "BOARDCLERK_GRAPH=off: unset it to use Graph"
                : "BOARDCLERK_LOGIN_AUTHORITY is not https, which Graph sign-in needs";
    }

    /** The organisation's directory through Microsoft Graph, or none (said plainly) when Graph is off. */
    Directory directory() {
        if (!on()) {
            LOG.info("Microsoft Graph is off{}: owners are matched against the Teams roster only, and action-log "
                    + "summaries are posted by the bot itself. Set MicrosoftAppId and MicrosoftAppPassword (or "
                    + "BOARDCLERK_GRAPH_CERTIFICATE), an https BOARDCLERK_LOGIN_AUTHORITY, and leave BOARDCLERK_GRAPH "
                    + "unset or on; grant the app the Graph application permission {} to look owners up in the "
                    + "organisation's directory.", config.localMode() ? " (local mode)"
                    : " (BOARDCLERK_GRAPH=off, or BOARDCLERK_LOGIN_AUTHORITY is not https)", GraphDirectory.PERMISSION);
            return Directory.OFF;
        }
        GraphSettings settings = settings(config, calls);
        LOG.info("Microsoft Graph is on for directory lookups of owners (needs the application permission {}): {}",
                GraphDirectory.PERMISSION, settings);
        return new GraphDirectory(settings);
    }

    /** Posts action-log summaries as BoardClerk's app; null when Graph is off. */
    GraphChatPoster chatPoster() {
        return on() ? new GraphChatPoster(settings(config, calls)) : null;
    }

    /** Names a board from its Teams chat or channel; null when Graph is off. */
    GraphConversationNames conversationNames() {
        return on() ? new GraphConversationNames(settings(config, calls)) : null;
    }

    /** Whether someone owns a channel's team, for appointing a board's first officers; null when Graph is off. */
    GraphTeamOwners teamOwners() {
        return on() ? new GraphTeamOwners(settings(config, calls)) : null;
    }

    /** The SharePoint folders and uploads; null when Graph is off. */
    GraphFiles files() {
        return on() ? new GraphFiles(settings(config, calls)) : null;
    }

    /** Reminders Teams cannot deliver e-mailed when BOARDCLERK_MAIL_FROM is set and Graph is on; else Teams only. */
    ReminderSender reminders(PersonalMessenger messenger) {
        ReminderSettings settings = config.reminders();
        if (config.reminderMail()) {
            LOG.info("Reminders Teams cannot deliver are e-mailed as {} through Microsoft Graph (needs the application "
                    + "permission {}, limited to that mailbox by an application access policy)", settings.mailFrom(),
                    GraphMailer.PERMISSION);
            return new MailFallback(messenger, new GraphMailer(settings(config, calls), settings.mailFrom()));
        }
        if (!settings.mailFrom().isEmpty()) {
            LOG.info("BOARDCLERK_MAIL_FROM is set but Microsoft Graph is off, so reminders are not e-mailed");
        }
        return messenger;
    }
}
