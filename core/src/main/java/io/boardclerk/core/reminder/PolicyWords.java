package io.boardclerk.core.reminder;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small grammar of {@code reminders ...}: clauses in any order, each changing one part of the board's policy and
 * leaving the rest as it was.
 * <pre>
 *   reminders 7,0                       days before the target (0 = on the day); "before none" for none
 *   reminders overdue weekly            or daily, fortnightly, every 3 days, off
 *   reminders digest 5                  working days before a meeting; or off
 *   reminders escalate 21               days overdue before the chair hears; or off
 *   reminders zone Europe/Dublin        the board's time zone
 *   reminders off | reminders default   everything off, or back to 7,0 overdue weekly digest 5 escalate 14
 * </pre>
 */
public final class PolicyWords {

    /** What to say when the words are wrong. */
    public static final String EXAMPLE = "reminders 7,0 overdue weekly digest 5 escalate 14";

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final Pattern DAYS = Pattern.compile("^(?:before\\s+)?(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)(?:\\s+days?"
            + "(?:\\s+before)?)?(?=\\s|$)", I);
    private static final Pattern BEFORE_NONE = Pattern.compile("^before\\s+(?:none|off)(?=\\s|$)", I);
    private static final Pattern OVERDUE = Pattern.compile("^overdue\\s+(?:(off|none|never|daily|weekly|fortnightly)"
            + "|(?:every\\s+)?(\\d{1,3})(?:\\s+days?)?)(?=\\s|$)", I);
    private static final Pattern DIGEST = Pattern.compile("^digest\\s+(?:(off|none)|(\\d{1,3})(?:\\s+(?:working\\s+)?"
            + "days?)?(?:\\s+before)?)(?=\\s|$)", I);
    private static final Pattern ESCALATE = Pattern.compile("^escalat(?:e|ion)\\s+(?:(off|none)|(?:after\\s+)?(\\d{1,4})"
            + "(?:\\s+days?)?)(?=\\s|$)", I);
    private static final Pattern ZONE = Pattern.compile("^(?:zone|time\\s*zone)\\s+(\\S+)(?=\\s|$)", I);

    private PolicyWords() {
    }

    /** The words could not be read; {@link #getMessage()} says what was wrong, in words for the chair. */
    public static final class Wrong extends RuntimeException {
        public Wrong(String problem) {
            super(problem, null, false, false);
        }
    }

    /** The policy after the words, starting from {@code current}. Throws {@link Wrong}. */
    public static ReminderPolicy apply(ReminderPolicy current, String words) {
        String rest = words == null ? "" : words.strip().replaceAll("\\s+", " ");
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals("off") || lower.equals("none")) {
            return current.off();
        }
        if (lower.equals("default") || lower.equals("defaults") || lower.equals("on")) {
            return new ReminderPolicy(ReminderPolicy.DEFAULT.daysBefore(), ReminderPolicy.DEFAULT.overdueEveryDays(),
                    ReminderPolicy.DEFAULT.digestWorkingDays(), ReminderPolicy.DEFAULT.escalateAfterDays(),
                    current.zone());
        }
        List<Integer> days = current.daysBefore();
        int overdue = current.overdueEveryDays();
        int digest = current.digestWorkingDays();
        int escalate = current.escalateAfterDays();
        ZoneId zone = current.zone();
        while (!rest.isEmpty()) {
            Matcher m;
            if ((m = BEFORE_NONE.matcher(rest)).find()) {
                days = List.of();
            } else if ((m = DAYS.matcher(rest)).find()) {
                days = days(m.group(1));
            } else if ((m = OVERDUE.matcher(rest)).find()) {
                overdue = m.group(1) != null ? switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "daily" -> 1;
                    case "weekly" -> 7;
                    case "fortnightly" -> 14;
                    default -> 0;
                } : within(m.group(2), 1, 90, "The overdue interval");
            } else if ((m = DIGEST.matcher(rest)).find()) {
                digest = m.group(1) != null ? 0 : within(m.group(2), 1, 20, "The digest");
            } else if ((m = ESCALATE.matcher(rest)).find()) {
                escalate = m.group(1) != null ? 0 : within(m.group(2), 1, 365, "Escalation");
            } else if ((m = ZONE.matcher(rest)).find()) {
                zone = zone(m.group(1));
            } else {
                String[] parts = rest.split(" ");
                String word = parts.length > 1 && parts[0].toLowerCase(Locale.ROOT).matches("overdue|digest|escalate"
                        + "|escalation|zone|before") ? parts[0] + " " + parts[1] : parts[0];
                throw new Wrong("I can't read \"" + word + "\" in a reminder policy.");
            }
            rest = rest.substring(m.end()).strip();
        }
        return new ReminderPolicy(days, overdue, digest, escalate, zone);
    }

    private static List<Integer> days(String list) {
        List<Integer> days = new ArrayList<>();
        for (String part : list.split(",")) {
            days.add(within(part.strip(), 0, 90, "A reminder"));
        }
        if (days.size() > 5) {
            throw new Wrong("At most 5 reminders before a target are kept; you gave " + days.size() + ".");
        }
        return days;
    }

    private static int within(String digits, int min, int max, String what) {
        int value = Integer.parseInt(digits);
        if (value < min || value > max) {
            throw new Wrong(what + " must be between " + min + " and " + max + " days; " + value + " is not.");
        }
        return value;
    }

    private static ZoneId zone(String id) {
        try {
            if (id.contains("/")) {
                return ZoneId.of(id);
            }
        } catch (DateTimeException e) {
            // fall through to the refusal
        }
        throw new Wrong("\"" + id + "\" is not a time zone I know: give a region and city such as Europe/London or"
                + " Europe/Dublin.");
    }
}
