package io.boardclerk.core.attendance;

import io.boardclerk.core.attendance.Reconciliation.Guest;
import io.boardclerk.core.attendance.Reconciliation.Present;
import io.boardclerk.core.clerk.Md;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reconciliation in words for the chat. Everyone sees who was there, the apologies, who was absent without
 * apologies and the quorum (what the minutes will say anyway); the chair and secretary also see each guest's address
 * and everyone's joining and leaving times.
 */
public final class AttendanceText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private AttendanceText() {
    }

    /**
     * @param heading "Attendance at the meeting of 26th May 2026"
     * @param full    true for the chair and secretary: addresses and times too
     */
    public static String markdown(String heading, Reconciliation r, ZoneId zone, boolean full) {
        List<String> lines = new ArrayList<>();
        lines.add("**" + Md.esc(heading) + "** (from the Teams attendance report"
                + (r.meetingStart() == null || r.meetingEnd() == null ? "" : ", " + time(r.meetingStart(), zone)
                + "–" + time(r.meetingEnd(), zone)) + ")");
        r.quorumSentence().ifPresent(lines::add);
        lines.add(section("Members present", r.members().stream().map(p -> present(p, zone, full)).toList()));
        if (!r.inAttendance().isEmpty()) {
            lines.add(section("In attendance", r.inAttendance().stream().map(p -> present(p, zone, full)).toList()));
        }
        lines.add(section("Apologies", r.apologies().stream().map(Md::esc).toList()));
        lines.add(section("Absent without apologies", r.absent().stream().map(Md::esc).toList()));
        if (!r.guests().isEmpty()) {
            lines.add(section("Guests (not on the board)", r.guests().stream().map(g -> guest(g, zone, full))
                    .toList()));
        }
        for (Reconciliation.Unsure u : r.unsure()) {
            lines.add("⚠ " + Md.esc(u.name()) + " attended, but " + u.couldBe().stream().map(Md::esc)
                    .collect(Collectors.joining(" and ")) + " share that name, so neither is marked present: "
                    + "record which with " + Md.code("role") + " or correct the minutes draft by hand.");
        }
        lines.add("_Late_ means joining more than " + r.thresholds().late().toMinutes() + " minutes after the start; "
                + "_left early_ means leaving more than " + r.thresholds().early().toMinutes()
                + " minutes before the end.");
        return String.join("\n\n", lines);
    }

    private static String section(String title, List<String> entries) {
        return "**" + title + "** (" + entries.size() + "): " + (entries.isEmpty() ? "none"
                : String.join("; ", entries));
    }

    private static String present(Present p, ZoneId zone, boolean full) {
        List<String> notes = new ArrayList<>();
        if (p.late()) {
            notes.add("joined late" + (full && p.joined() != null ? ", " + time(p.joined(), zone) : ""));
        }
        if (p.leftEarly()) {
            notes.add("left early" + (full && p.left() != null ? ", " + time(p.left(), zone) : ""));
        }
        if (p.despiteApologies()) {
            notes.add("attended although apologies were recorded");
        }
        if (full && notes.isEmpty() && p.joined() != null && p.left() != null) {
            notes.add(time(p.joined(), zone) + "–" + time(p.left(), zone));
        }
        return Md.esc(p.described()) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }

    private static String guest(Guest g, ZoneId zone, boolean full) {
        String name = Md.esc(g.name());
        if (!full) {
            return name;
        }
        return name + (g.email() == null || g.email().isBlank() ? "" : ", " + Md.esc(g.email()))
                + (g.joined() == null || g.left() == null ? "" : " (" + time(g.joined(), zone) + "–"
                + time(g.left(), zone) + ")");
    }

    private static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }
}
