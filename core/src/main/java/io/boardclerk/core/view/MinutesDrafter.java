package io.boardclerk.core.view;

import io.boardclerk.core.attendance.Attendances;
import io.boardclerk.core.attendance.Reconciliation;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionReview;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.MinutesApproval;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.view.MinutesDraft.Paragraph;
import io.boardclerk.core.view.MinutesDraft.Section;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drafts the standing sections of a meeting's minutes from the record, in the board's own layout: header, 1. Welcome
 * and Apologies, 2. Declarations of Interest, 3. the Action Log review, 4. actions raised by item, 5. Date of next
 * meeting.
 */
public final class MinutesDrafter {

    private MinutesDrafter() {
    }

    public static MinutesDraft draft(Ledger ledger, Meeting meeting) {
        Board board = ledger.board(meeting.boardId()).orElseThrow();
        Optional<MinutesApproval> approval = ledger.approval(meeting.id());
        String marking = ledger.marking(board.id()).map(m -> approval.isPresent() ? m : m + " – DRAFT until approved")
                .orElse(null);
        List<Apology> apologies = ledger.apologies(meeting.id());
        Set<Long> absent = apologies.stream().map(Apology::personId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, Boolean> standings = ledger.standings(board.id());
        Set<String> absentNames = apologies.stream().map(a -> a.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<Person> present = ledger.people(board.id()).stream()
                .filter(p -> (p.onRoster() || standings.containsKey(p.id())) && !absent.contains(p.id())
                        && !absentNames.contains(p.name().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing((Person p) -> !isOfficer(board, p)))
                .toList();
        // Members unless the minutes' header said "In attendance"; everyone on the roster counts as known. A Teams
        // attendance report, when there is one, says who was actually there.
        Optional<Reconciliation> reconciled = Attendances.reconcile(ledger, meeting);
        List<String> members = reconciled.map(r -> r.members().stream().map(Reconciliation.Present::described)
                .toList()).orElseGet(() -> present.stream().filter(p -> standings.getOrDefault(p.id(), true))
                .map(MinutesDrafter::named).toList());
        List<String> inAttendance = reconciled.map(r -> r.inAttendance().stream()
                .map(Reconciliation.Present::described).toList()).orElseGet(() -> present.stream()
                .filter(p -> !standings.getOrDefault(p.id(), true)).map(MinutesDrafter::named).toList());
        List<Paragraph> welcome = new ArrayList<>();
        welcome.add(Paragraph.plain(apologies(apologies)));
        reconciled.filter(r -> !r.absent().isEmpty()).ifPresent(r -> welcome.add(Paragraph.plain(
                "Absent without apologies: " + String.join("; ", r.absent()) + ".")));
        long boardMembers = ledger.people(board.id()).stream()
                .filter(p -> (p.onRoster() || standings.containsKey(p.id())) && standings.getOrDefault(p.id(), true))
                .count();
        reconciled.map(Reconciliation::quorumSentence).orElseGet(() -> Reconciliation.quorumSentence(members.size(),
                (int) boardMembers, ledger.quorum(board.id()))).ifPresent(q -> welcome.add(Paragraph.plain(q)));
        List<ActionItem> actions = ledger.actions(board.id());
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("1", "Welcome and Apologies", welcome));
        sections.add(new Section("2", "Declarations of Interest", declarations(ledger, meeting)));
        sections.add(new Section("3", board.name() + " Action Log", review(ledger, meeting, actions)));
        sections.add(new Section("4", "Actions raised", raised(meeting, actions)));
        sections.add(new Section("5", "Date of next meeting", List.of(Paragraph.plain(next(ledger, meeting)))));
        String when = BritishDates.formatLong(meeting.date())
                + (meeting.time() == null ? "" : " at " + meeting.time());
        String location = meeting.location() != null && !meeting.location().isBlank() ? meeting.location()
                : "Via Microsoft Teams";
        return new MinutesDraft(board.id(), meeting.id(), marking, board.name(), meeting.date(), when, location,
                members, inAttendance, sections, approval.map(MinutesApproval::approvedBy).orElse(null),
                approval.map(MinutesApproval::approvedAt).orElse(null));
    }

    private static boolean isOfficer(Board board, Person p) {
        return board.isOfficer(p.id());
    }

    private static String named(Person p) {
        return p.title() == null || p.title().isBlank() ? p.name() : p.name() + ", " + p.title();
    }

    static String apologies(List<Apology> apologies) {
        if (apologies.isEmpty()) {
            return "No apologies were received.";
        }
        return "Apologies were received from " + apologies.stream()
                .map(a -> a.role() == null || a.role().isBlank() ? a.name() : a.name() + ", " + a.role())
                .collect(Collectors.joining("; ")) + ".";
    }

    private static List<Paragraph> declarations(Ledger ledger, Meeting meeting) {
        List<Declaration> declarations = ledger.declarations(meeting.id());
        if (declarations.isEmpty()) {
            return List.of(Paragraph.plain("There were no declarations of interest."));
        }
        List<Paragraph> out = new ArrayList<>();
        for (Declaration d : declarations) {
            String interest = d.interest().endsWith(".") ? d.interest() : d.interest() + ".";
            // The minutes' own words: a kind not stated is "an interest", as the minutes write it.
            String kind = d.kind() == InterestKind.NOT_STATED ? "an interest" : d.kind().phrase();
            out.add(Paragraph.plain(d.member() + " declared " + kind + " in Agenda Item " + d.agendaItem()
                    + ": " + interest));
        }
        return out;
    }

    private static List<Paragraph> review(Ledger ledger, Meeting meeting, List<ActionItem> actions) {
        List<ActionReview> reviews = ledger.reviews(meeting.id());
        Map<Long, ActionItem> byId = new LinkedHashMap<>();
        actions.forEach(a -> byId.put(a.id(), a));
        Map<Long, LocalDate> raisedAt = new LinkedHashMap<>();
        for (Meeting m : ledger.meetings(meeting.boardId())) {
            raisedAt.put(m.id(), m.date());
        }
        List<Paragraph> out = new ArrayList<>();
        if (reviews.isEmpty()) {
            out.add(Paragraph.plain("No actions were reviewed."));
            return out;
        }
        out.add(Paragraph.plain("There " + (reviews.size() == 1 ? "was one action" : "were " + reviews.size()
                + " actions") + " reviewed from the Action Log."));
        for (ActionReview review : reviews) {
            ActionItem a = byId.get(review.actionId());
            if (a == null) {
                continue;
            }
            LocalDate raised = a.meetingId() != null && raisedAt.containsKey(a.meetingId())
                    ? raisedAt.get(a.meetingId()) : a.raisedOn();
            out.add(new Paragraph(null, "Action " + a.displayNumber()
                    + (a.agendaItem() == null ? "" : ", Agenda Item " + a.agendaItem()) + ", "
                    + BritishDates.formatLong(raised) + " – " + shorten(a.text(), 120), true));
            out.add(Paragraph.plain(a.text()));
            // The update the meeting heard: the one recorded for its review (also when the review is written up
            // afterwards), else the latest given by the day it closed, never one posted after the meeting.
            LocalDate heardBy = meeting.endedAt() == null ? null : Collections.max(List.of(
                    meeting.date(), meeting.endedAt().atZone(ZoneOffset.UTC).toLocalDate()));
            List<ActionUpdate> given = a.updates().stream()
                    .filter(u -> heardBy == null || !u.date().isAfter(heardBy)).toList();
            String update = review.update() != null ? review.update()
                    : given.isEmpty() ? null : given.get(given.size() - 1).text();
            if (update != null) {
                out.add(new Paragraph("Update:", update, false));
            }
            if (review.decision() != null) {
                out.add(new Paragraph("Decision:", "The Board " + decision(review.decision()) + ".", false));
            }
        }
        return out;
    }

    private static String decision(String decision) {
        return switch (decision) {
            case "closed" -> "agreed to close the action";
            case "kept open" -> "agreed that the action remains open";
            case "reopened" -> "reopened the action";
            default -> decision.startsWith("new target") ? "set a " + decision : "noted: " + decision;
        };
    }

    private static List<Paragraph> raised(Meeting meeting, List<ActionItem> actions) {
        List<ActionItem> raised = actions.stream()
                .filter(a -> a.meetingId() != null && a.meetingId() == meeting.id()).toList();
        if (raised.isEmpty()) {
            return List.of(Paragraph.plain("No actions were raised."));
        }
        Map<String, List<ActionItem>> byItem = new LinkedHashMap<>();
        raised.stream().sorted(Comparator.comparing((ActionItem a) -> itemKey(a.agendaItem()))
                        .thenComparing(ActionItem::number))
                .forEach(a -> byItem.computeIfAbsent(a.agendaItem() == null ? "" : a.agendaItem(),
                        k -> new ArrayList<>()).add(a));
        List<Paragraph> out = new ArrayList<>();
        for (Map.Entry<String, List<ActionItem>> e : byItem.entrySet()) {
            out.add(new Paragraph(null, e.getKey().isEmpty() ? "No agenda item given" : "Agenda Item " + e.getKey(),
                    true));
            for (ActionItem a : e.getValue()) {
                out.add(new Paragraph("Action:", a.text() + " (Action " + a.displayNumber() + "; owner: "
                        + Views.owners(a) + "; target: " + Views.target(a.target()) + ").", false));
            }
        }
        return out;
    }

    /** Sorts "5.10" after "5.9". */
    private static String itemKey(String item) {
        if (item == null) {
            return "~";
        }
        StringBuilder key = new StringBuilder();
        for (String part : item.split("\\.")) {
            String digits = part.replaceAll("\\D", "");
            key.append(String.format("%05d", digits.isEmpty() ? 0 : Integer.parseInt(digits)))
                    .append(part.replaceAll("\\d", "")).append('.');
        }
        return key.toString();
    }

    private static String next(Ledger ledger, Meeting meeting) {
        return ledger.meetings(meeting.boardId()).stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED && m.date().isAfter(meeting.date()))
                .min(Comparator.comparing(Meeting::date))
                .map(m -> "The next meeting will be held on " + BritishDates.formatLong(m.date())
                        + (m.time() == null ? "" : " at " + m.time())
                        + (m.location() == null ? "" : " at " + m.location()) + ".")
                .orElse("The date of the next meeting is to be confirmed.");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
