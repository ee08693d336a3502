package io.boardclerk.bot;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the reminder sweep runs, from the environment.
 *
 * @param sweep       BOARDCLERK_REMINDER_SWEEP_SECONDS: time between the end of one sweep and the start of the next
 * @param tenantRate  BOARDCLERK_REMINDER_RATE: requests a second Teams allows the app in one tenant; BoardClerk stays
 *                    under it (see the rate limiter)
 * @param maxTries    BOARDCLERK_REMINDER_TRIES: tries in all before a reminder that keeps failing is dead-lettered
 * @param sendTimeout BOARDCLERK_REMINDER_TIMEOUT_SECONDS: how long one request to the Bot Connector may take
 * @param mailFrom    BOARDCLERK_MAIL_FROM: the mailbox (user principal name or object id) that reminders Teams cannot
 *                    deliver are e-mailed from through Microsoft Graph; empty when unset, and then nobody is e-mailed
 * @param dailyCap    BOARDCLERK_REMINDER_DAILY_CAP: the most reminders one board sends in a day, in Teams or by e-mail;
 *                    more wait for the board's next working day
 */
public record ReminderSettings(Duration sweep, int tenantRate, int maxTries, Duration sendTimeout, String mailFrom,
                               int dailyCap) {

    private static final Pattern MAILBOX = Pattern.compile("[^\\s@/?#%]+@[^\\s@/?#%]+\\.[^\\s@/?#%]+");
    private static final Pattern OBJECT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The first try waits this long after a 5xx or a time-out, then twice as long each time. */
    public static final Duration FIRST_BACK_OFF = Duration.ofMinutes(1);

    static ReminderSettings from(Map<String, String> env) {
        return new ReminderSettings(Duration.ofSeconds(number(env, "BOARDCLERK_REMINDER_SWEEP_SECONDS", 60, 1, 3600)),
                number(env, "BOARDCLERK_REMINDER_RATE", 50, 1, 1000),
                number(env, "BOARDCLERK_REMINDER_TRIES", 6, 1, 20),
                Duration.ofSeconds(number(env, "BOARDCLERK_REMINDER_TIMEOUT_SECONDS", 15, 1, 120)),
                mailFrom(env), number(env, "BOARDCLERK_REMINDER_DAILY_CAP", 200, 1, 100_000));
    }

    /** A user principal name or an Entra object id; anything else is refused at start rather than at the first send. */
    private static String mailFrom(Map<String, String> env) {
        String raw = env.getOrDefault("BOARDCLERK_MAIL_FROM", "").strip();
        if (raw.isEmpty() || MAILBOX.matcher(raw).matches() || OBJECT_ID.matcher(raw).matches()) {
            return raw;
        }
        throw new BotConfig.ConfigException("BOARDCLERK_MAIL_FROM must be the mailbox BoardClerk e-mails reminders "
                + "from: its address (user principal name), such as boardclerk@fenshire.gov.uk, or its object id; not \""
                + raw + "\". Leave it unset to send no e-mail.");
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BotConfig.ConfigException(name + " must be a whole number from " + min + " to " + max
                    + ", not \"" + raw.strip() + "\".");
        }
    }

    @Override
    public String toString() {
        return "reminders[sweep=" + sweep.toSeconds() + "s, rate=" + tenantRate
                + "/s per tenant, tries=" + maxTries + ", timeout=" + sendTimeout.toSeconds() + "s, mailFrom="
                + (mailFrom.isEmpty() ? "(unset)" : mailFrom) + ", dailyCap=" + dailyCap + " per board]";
    }
}
