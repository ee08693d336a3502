package io.boardclerk.core.reminder;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When a board's reminders go out. A number of 0 switches that kind off.
 *
 * @param daysBefore        days before the target to remind the owners, largest first; 0 is the target day itself
 * @param overdueEveryDays  how often to remind while an action is overdue
 * @param digestWorkingDays working days before each meeting that owners get the list of their actions due at it
 * @param escalateAfterDays actions overdue longer than this, with no update since their target, go to the chair
 * @param zone              the board's time zone: the delivery window and "08:00" are on its clock
 */
public record ReminderPolicy(List<Integer> daysBefore, int overdueEveryDays, int digestWorkingDays,
                             int escalateAfterDays, ZoneId zone) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final ReminderPolicy DEFAULT = new ReminderPolicy(List.of(7, 0), 7, 5, 14, LONDON);

    public ReminderPolicy {
        daysBefore = daysBefore.stream().distinct().sorted((a, b) -> b - a).toList();
    }

    public boolean onTheDay() {
        return daysBefore.contains(0);
    }

    /** Everything off (the zone is kept). */
    public ReminderPolicy off() {
        return new ReminderPolicy(List.of(), 0, 0, 0, zone);
    }

    /** The days before as stored: "7,0"; "" for none. */
    public String daysBeforeText() {
        return daysBefore.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Integer> parseDays(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    /** The policy in words, for {@code reminders}. */
    public String describe() {
        if (daysBefore.isEmpty() && overdueEveryDays == 0 && digestWorkingDays == 0 && escalateAfterDays == 0) {
            return "Reminders are off for this board.";
        }
        StringBuilder out = new StringBuilder();
        List<Integer> before = daysBefore.stream().filter(d -> d > 0).toList();
        out.append("- Before the target: ").append(before.isEmpty() ? "none"
                : before.stream().map(d -> d + (d == 1 ? " day" : " days")).collect(Collectors.joining(", "))
                + " before").append(onTheDay() ? "; and on the day" : "; none on the day").append('\n');
        out.append("- While overdue: ").append(overdueEveryDays == 0 ? "off" : overdueEveryDays == 7 ? "weekly"
                : "every " + overdueEveryDays + " days").append('\n');
        out.append("- Meeting digest: ").append(digestWorkingDays == 0 ? "off" : digestWorkingDays + " working "
                + (digestWorkingDays == 1 ? "day" : "days") + " before each meeting, instead of the reminders for"
                + " actions due at it").append('\n');
        out.append("- Escalation to the chair: ").append(escalateAfterDays == 0 ? "off" : "each Monday, actions"
                + " overdue by more than " + escalateAfterDays + " days with no update").append('\n');
        out.append("- Sent on working days (not weekends or bank holidays), 08:00 to 18:00 ").append(zone.getId())
                .append(" time");
        return out.toString();
    }
}
