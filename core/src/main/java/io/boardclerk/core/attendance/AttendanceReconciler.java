package io.boardclerk.core.attendance;

import io.boardclerk.core.attendance.Reconciliation.Guest;
import io.boardclerk.core.attendance.Reconciliation.Present;
import io.boardclerk.core.attendance.Reconciliation.Thresholds;
import io.boardclerk.core.attendance.Reconciliation.Unsure;
import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.AttendanceReport;
import io.boardclerk.core.model.AttendanceReport.Attendee;
import io.boardclerk.core.model.AttendanceReport.Session;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Sets an attendance report against the board's people and the apologies recorded for the meeting. An attendee is
 * matched to someone on the board by Entra object id first, then by e-mail address or sign-in name (as the Teams
 * roster gave it), then by name; a name is taken only when exactly one
 * person on the board has it and that person's object id (if known) does not say it is someone else. Several
 * sessions of one person (or of two attendee rows that turn out to be the same person) are joined: present from the
 * first joining to the last leaving.
 */
public final class AttendanceReconciler {

    private AttendanceReconciler() {
    }

    /**
     * @param people    everyone known on the board
     * @param standings person id to true for members, false for those in attendance (others count as members)
     * @param addresses person id to e-mail address or sign-in name
     */
    public static Reconciliation reconcile(AttendanceReport report, Board board, List<Person> people,
                                           Map<Long, Boolean> standings, Map<Long, String> addresses,
                                           List<Apology> apologies, OptionalInt quorum, Thresholds thresholds) {
        List<Person> expected = people.stream().filter(p -> p.onRoster() || standings.containsKey(p.id())).toList();
        Map<Long, List<Session>> sessions = new LinkedHashMap<>();
        List<Guest> guests = new ArrayList<>();
        List<Unsure> unsure = new ArrayList<>();
        for (Attendee attendee : report.attendees()) {
            List<Person> candidates = candidates(attendee, expected, addresses);
            if (candidates.size() == 1) {
                sessions.computeIfAbsent(candidates.get(0).id(), k -> new ArrayList<>()).addAll(attendee.sessions());
            } else if (candidates.isEmpty()) {
                guests.add(new Guest(attendee.name() == null || attendee.name().isBlank() ? "Unnamed guest"
                        : attendee.name().strip(), attendee.email(), attendee.firstJoined(), attendee.lastLeft()));
            } else {
                unsure.add(new Unsure(attendee.name(), candidates.stream().map(Person::described).toList()));
            }
        }
        Set<Long> apologised = new HashSet<>();
        Set<String> apologisedNames = new HashSet<>();
        for (Apology a : apologies) {
            if (a.personId() != null) {
                apologised.add(a.personId());
            }
            apologisedNames.add(normal(a.name()));
        }
        List<Present> members = new ArrayList<>();
        List<Present> inAttendance = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        int membersOfBoard = 0;
        List<Person> ordered = expected.stream()
                .sorted(Comparator.comparing((Person p) -> !board.isOfficer(p.id()))).toList();
        for (Person p : ordered) {
            boolean member = standings.getOrDefault(p.id(), true);
            if (member) {
                membersOfBoard++;
            }
            boolean sentApologies = apologised.contains(p.id()) || apologisedNames.contains(normal(p.name()));
            List<Session> theirs = sessions.get(p.id());
            if (theirs != null && !theirs.isEmpty()) {
                Attendee joined = new Attendee(p.name(), null, null, null, theirs);
                Instant first = joined.firstJoined();
                Instant last = joined.lastLeft();
                boolean late = first != null && report.meetingStart() != null
                        && first.isAfter(report.meetingStart().plus(thresholds.late()));
                boolean early = last != null && report.meetingEnd() != null
                        && last.isBefore(report.meetingEnd().minus(thresholds.early()));
                Present present = new Present(p.id(), p.described(), first, last, joined.attended(), late, early,
                        sentApologies);
                (member ? members : inAttendance).add(present);
            } else if (member && !sentApologies) {
                absent.add(p.described());
            }
        }
        List<String> apologyLines = apologies.stream()
                .map(a -> a.role() == null || a.role().isBlank() ? a.name() : a.name() + ", " + a.role()).toList();
        return new Reconciliation(report.meetingStart(), report.meetingEnd(), thresholds, members, inAttendance,
                apologyLines, absent, guests, unsure, membersOfBoard, quorum);
    }

    /** The people on the board this attendee can be: one, none, or (a shared name) several. */
    private static List<Person> candidates(Attendee attendee, List<Person> expected, Map<Long, String> addresses) {
        if (attendee.objectId() != null && !attendee.objectId().isBlank()) {
            List<Person> byId = expected.stream()
                    .filter(p -> p.aadObjectId() != null && p.aadObjectId().equalsIgnoreCase(attendee.objectId()))
                    .toList();
            if (!byId.isEmpty()) {
                return byId.subList(0, 1);
            }
        }
        if (attendee.email() != null && !attendee.email().isBlank()) {
            List<Person> byAddress = expected.stream()
                    .filter(p -> attendee.email().strip().equalsIgnoreCase(addresses.get(p.id())))
                    .toList();
            if (byAddress.size() == 1) {
                return byAddress;
            }
        }
        if (attendee.name() == null || attendee.name().isBlank()) {
            return List.of();
        }
        String name = normal(attendee.name());
        return expected.stream()
                .filter(p -> normal(p.name()).equals(name))
                // Someone whose object id is known and differs is a different person of the same name.
                .filter(p -> p.aadObjectId() == null || attendee.objectId() == null || attendee.objectId().isBlank()
                        || p.aadObjectId().equalsIgnoreCase(attendee.objectId()))
                .toList();
    }

    /** A name compared without case, extra spaces, or a trailing "(Guest)" or "(External)" that Teams adds. */
    static String normal(String name) {
        return Objects.requireNonNullElse(name, "").replaceAll("(?i)\\s*\\((?:guest|external|unverified)\\)\\s*$", "")
                .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
