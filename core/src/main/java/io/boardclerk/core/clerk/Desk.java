package io.boardclerk.core.clerk;

import io.boardclerk.core.model.ActionEvent;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.DirectoryPerson;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.roster.Mention;
import io.boardclerk.core.roster.RosterMatcher;
import io.boardclerk.core.view.Views;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a handler works with during one turn: the open transaction, the board, who is speaking, the roster
 * and the time. Handlers change the board only through the ledger, so a refusal anywhere rolls the turn back.
 */
public final class Desk {

    private final Ledger ledger;
    private Board board;
    private final Person sender;
    private RosterMatcher roster;
    private final Source source;
    private final ZoneId zone;
    private final String via;
    private boolean stale;
    private final List<Card> cards = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();
    private final Map<String, List<Long>> bodyMembers = new HashMap<>();
    private Directory directory = Directory.OFF;
    private boolean attendanceOn;
    private boolean calendarOn;
    private boolean addressed = true;
    private Meeting minuting;
    private Sender.Standing standing = Sender.Standing.MEMBER;
    private String unvouchedBecause;

    Desk(Ledger ledger, Board board, Person sender, RosterMatcher roster, Source source, ZoneId zone) {
        this(ledger, board, sender, roster, source, zone, sender == null ? VIA_MEETING : VIA_MESSAGE);
    }

    Desk(Ledger ledger, Board board, Person sender, RosterMatcher roster, Source source, ZoneId zone, String via) {
        this.ledger = ledger;
        this.board = board;
        this.sender = sender;
        this.roster = roster;
        this.source = source;
        this.zone = zone;
        this.via = via;
    }

    static final String VIA_MESSAGE = "message";
    static final String VIA_CARD = "card";
    static final String VIA_MEETING = "meeting";

    /** Adds a card to the turn's reply, sent after its text. */
    public void show(Card card) {
        cards.add(card);
    }

    public List<Card> cards() {
        return List.copyOf(cards);
    }

    /** Asks for {@code effect} to be done once the turn is committed, outside its transaction. */
    public void after(Effect effect) {
        effects.add(effect);
    }

    public List<Effect> effects() {
        return List.copyOf(effects);
    }

    /** Where this turn came from: a typed "message", a "card" button, or a Teams "meeting" event. */
    public String via() {
        return via;
    }

    /** Keeps a change to an action in its history: who, when, before and after, and from where. */
    public void audit(long actionId, String what, String before, String after) {
        ledger.addEvent(new ActionEvent(actionId, now(), source.senderTeamsId(),
                source.senderName(), via, what, before, after, source.activityId()));
    }

    /** True when the sender owns the action, as a named owner or through a body they answer for. */
    public boolean senderOwns(ActionItem action) {
        if (sender == null) {
            return false;
        }
        if (action.isOwnedBy(sender.id())) {
            return true;
        }
        return action.owners().stream().filter(Owner::body)
                .anyMatch(o -> bodyMembers(o.name()).contains(sender.id()));
    }

    /** The people who answer for a body, read once per body in a turn (a log of 500 actions asks again and again). */
    public List<Long> bodyMembers(String body) {
        return bodyMembers.computeIfAbsent(body, name -> ledger.bodyMembers(board().id(), name));
    }

    /** Refuses unless the sender owns the action or is the chair or secretary. */
    public void requireOwnerOrOfficer(ActionItem action, String whatTheyAsked) {
        if (senderOwns(action) || senderIsOfficer()) {
            return;
        }
        throw new Refusal("Only the owner of action " + action.displayNumber() + " ("
                + Md.esc(Views.owners(action)) + "), the chair or the secretary can "
                + whatTheyAsked + ". " + whoAreOfficers());
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The organisation's directory, searched for names nobody on the roster has; {@link Directory#OFF} without one. */
    public Directory directory() {
        return directory;
    }

    Desk withDirectory(Directory value) {
        this.directory = value;
        return this;
    }

    /** Whether Teams attendance reports are fetched through Microsoft Graph as meetings end. */
    public boolean attendanceOn() {
        return attendanceOn;
    }

    /** True when the board's schedule may follow an Outlook calendar (Microsoft Graph is on). */
    public boolean calendarOn() {
        return calendarOn;
    }

    Desk withCalendar(boolean on) {
        this.calendarOn = on;
        return this;
    }

    /** True when the message was addressed to BoardClerk (a mention, a personal chat, a card press). */
    public boolean addressed() {
        return addressed;
    }

    Desk withAddressed(boolean value) {
        this.addressed = value;
        return this;
    }

    /** @param because why the sender's standing could not be established, or null ({@link Sender#unvouchedBecause}) */
    Desk withStanding(Sender.Standing value, String because) {
        this.standing = value == null ? Sender.Standing.MEMBER : value;
        this.unvouchedBecause = because == null || because.isBlank() ? null : because;
        return this;
    }

    /** What Teams or the deployment vouches for about the sender in this conversation. */
    public Sender.Standing standing() {
        return standing;
    }

    /** Why the sender's standing could not be established (the team's owner not recognised), or empty. */
    Optional<String> unvouchedBecause() {
        return Optional.ofNullable(unvouchedBecause);
    }

    /**
     * True when the person may hold office: someone with an Entra object id whom Teams does not list as a guest or as
     * belonging to another organisation.
     */
    public boolean mayHoldOffice(Person person) {
        return person != null && person.aadObjectId() != null && !person.aadObjectId().isBlank()
                && !ledger.outsider(person.id());
    }

    Desk withAttendance(boolean on) {
        this.attendanceOn = on;
        return this;
    }

    /** Someone found in the directory, kept on this board with their Entra object id (once, however often found). */
    public Person directoryPerson(DirectoryPerson found) {
        Person person = ledger.addDirectoryPerson(board().id(), found.displayName(), found.objectId());
        refresh();
        return person;
    }

    public Board board() {
        reloadIfStale();
        return board;
    }

    public Person sender() {
        return sender;
    }

    public RosterMatcher roster() {
        reloadIfStale();
        return roster;
    }

    public Source source() {
        return source;
    }

    public Instant now() {
        return source.receivedAt();
    }

    public LocalDate today() {
        return source.receivedAt().atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Marks the board and its people for re-reading, after a handler changed them; read again when next needed. */
    public void refresh() {
        stale = true;
        bodyMembers.clear();
    }

    private void reloadIfStale() {
        if (stale) {
            stale = false;
            board = ledger.board(board.id()).orElseThrow();
            roster = new RosterMatcher(ledger.people(board.id()), roster == null ? List.of() : mentionsOf(roster));
        }
    }

    private static List<Mention> mentionsOf(RosterMatcher matcher) {
        return matcher.mentions();
    }

    public long record(RecordingKind kind) {
        return ledger.addRecording(board().id(), kind, source);
    }

    public boolean senderIsOfficer() {
        return sender != null && board().isOfficer(sender.id());
    }

    /** Refuses unless the sender is the board's chair or secretary. */
    public void requireChair(String whatTheyAsked) {
        if (sender != null && board().chairId() != null && board().chairId() == sender.id()) {
            return;
        }
        throw new Refusal("Only the chair can " + whatTheyAsked + ". " + whoAreOfficers());
    }

    public void requireOfficer(String whatTheyAsked) {
        if (senderIsOfficer()) {
            return;
        }
        throw new Refusal("Only the chair or secretary can " + whatTheyAsked + ". " + whoAreOfficers());
    }

    public String whoAreOfficers() {
        if (!board().hasOfficers()) {
            return "This board has no chair or secretary yet: say " + Md.code("secretary @name") + " or "
                    + Md.code("chair @name") + " to appoint one.";
        }
        String chair = board().chairId() == null ? "not set" : nameOf(board().chairId());
        String secretary = board().secretaryId() == null ? "not set" : nameOf(board().secretaryId());
        return "The chair is " + chair + "; the secretary is " + secretary + ".";
    }

    public String nameOf(long personId) {
        return ledger.person(personId).map(p -> Md.esc(p.name())).orElse("someone no longer on the board");
    }

    /** The open meeting, or else the next scheduled one: where apologies and declarations go. */
    public Optional<Meeting> currentOrNextMeeting() {
        Optional<Meeting> open = ledger.openMeeting(board().id());
        if (open.isPresent()) {
            return open;
        }
        LocalDate today = today();
        return ledger.meetings(board().id()).stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED && !m.date().isBefore(today))
                .min(Comparator.comparing(Meeting::date));
    }

    /**
     * The meeting whose record a reader most likely means: the open one; else one that closed today; else the next
     * scheduled; else the last one held.
     */
    public Meeting meetingToRead() {
        Optional<Meeting> open = ledger.openMeeting(board().id());
        if (open.isPresent()) {
            return open.get();
        }
        List<Meeting> meetings = ledger.meetings(board().id());
        LocalDate today = today();
        Optional<Meeting> closedToday = meetings.stream()
                .filter(m -> m.status() == MeetingStatus.CLOSED && m.date().equals(today))
                .max(Comparator.comparing(Meeting::id));
        return closedToday.or(this::currentOrNextMeeting)
                .or(() -> meetings.stream().filter(m -> m.status() == MeetingStatus.CLOSED)
                        .max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id)))
                .orElseGet(this::requireMeeting);
    }

    public Meeting requireMeeting() {
        return currentOrNextMeeting().orElseThrow(() -> new Refusal(
                "No meeting is open or scheduled for " + Md.esc(board().name()) + ". Say " + Md.code("start meeting")
                        + " when the meeting begins, or " + Md.code("next meeting 26/05/2026 10:00")
                        + " to schedule it."));
    }

    /** The meeting whose minutes are being written, if any: see {@link MinutedMeeting}. */
    public Optional<Meeting> minutedMeeting() {
        return minuting != null ? Optional.of(minuting) : MinutedMeeting.of(ledger, board().id(), today());
    }

    /** "Minutes of 11/02 – ...": the rest of the message is about that meeting. */
    void minute(Meeting meeting) {
        this.minuting = meeting;
    }

    public static String describe(Meeting meeting) {
        String date = BritishDates.formatLong(meeting.date());
        return switch (meeting.status()) {
            case OPEN -> "this meeting (" + date + ")";
            case SCHEDULED -> "the next meeting (" + date + ")";
            case CLOSED -> "the meeting of " + date;
        };
    }
}
