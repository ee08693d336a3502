package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.reminder.ReminderPlanning;
import io.boardclerk.core.roster.Mention;
import io.boardclerk.core.roster.RosterMatcher;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The clerk: takes what is said in a board's conversation and keeps the record. Each message is handled in one
 * transaction, claimed by its activity id so a redelivery records nothing twice, and refused whole or recorded
 * whole.
 */
public final class Clerk {

    private final LedgerStore store;
    private final ZoneId zone;
    private final Directory directory;
    private final Duration lookupBudget;
    private final ExecutorService lookups;
    /** Directory lookups that may run at once, and wait beyond those. */
    static final int LOOKUP_THREADS = 8;
    static final int LOOKUP_QUEUE = 64;
    private final Handlers handlers;
    private final MessageReader reader;
    private volatile boolean attendanceOn;
    private volatile boolean calendarOn;
    private volatile boolean reminderMailOn;

    public Clerk(LedgerStore store, ZoneId zone) {
        this(store, zone, Directory.OFF);
    }

    /** @param directory the organisation's directory, searched for owners nobody on the roster has */
    public Clerk(LedgerStore store, ZoneId zone, Directory directory) {
        this(store, zone, directory, LOOKUP_BUDGET);
    }

    /**
     * @param lookupBudget the longest a message waits for the directory (all its names together), outside the
     *                     database transaction; a name not answered by then is handled as the directory failing
     */
    public Clerk(LedgerStore store, ZoneId zone, Directory directory, Duration lookupBudget) {
        this.store = store;
        this.zone = zone;
        this.directory = directory;
        this.lookupBudget = lookupBudget;
        this.reader = new MessageReader(store, zone);
        // Bounded: at most LOOKUP_THREADS lookups at once and LOOKUP_QUEUE waiting; beyond that a lookup fails at once.
        this.lookups = new ThreadPoolExecutor(LOOKUP_THREADS, LOOKUP_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(LOOKUP_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "directory-lookup");
                    thread.setDaemon(true);
                    return thread;
                });
        this.handlers = new Handlers(() -> reminderMailOn);
    }

    /**
     * Turns on (or off) getting Teams attendance reports through Microsoft Graph as meetings end. Call before the
     * clerk handles any turn.
     */
    public Clerk attendanceFromTeams(boolean on) {
        this.attendanceOn = on;
        return this;
    }

    /** Turns on (or off) following boards' Outlook calendars through Microsoft Graph ({@code calendar}). */
    public Clerk calendarFromOutlook(boolean on) {
        this.calendarOn = on;
        return this;
    }

    /**
     * Says (in {@code reminders status}) whether reminders that Teams cannot deliver are e-mailed instead through
     * Microsoft Graph; the bot's dispatcher does the e-mailing.
     */
    public Clerk reminderMail(boolean on) {
        this.reminderMailOn = on;
        return this;
    }

    /**
     * The longest a message waits for the organisation's directory: under the 15 seconds after which Teams delivers
     * an unanswered activity again.
     */
    public static final Duration LOOKUP_BUDGET = Duration.ofSeconds(10);

    public ZoneId zone() {
        return zone;
    }

    /** Handles a message. Empty when the activity was handled before (Teams redelivers). */
    public Optional<Reply> onMessage(Turn turn) {
        // Parsed before the transaction, against the board as last committed: no parsing holds the single writer.
        List<Command> commands = reader.read(turn);
        try {
            return withLookups(turn.conversation().tenantId(), answered -> transaction(turn.receivedAt(), ledger -> {
                if (!ledger.claimActivity(turn.conversation().conversationId(), turn.activityId(), turn.receivedAt())) {
                    return Optional.empty();
                }
                if (turn.conversation().personal()) {
                    return Optional.of(PersonalChat.handle(ledger, turn, commands, this, answered));
                }
                Desk desk = desk(ledger, turn.conversation(), turn.sender(), turn.mentions(), source(turn), answered)
                        .withAddressed(turn.addressed());
                Reply reply = new Reply(handle(desk, commands), desk.cards(), desk.effects());
                answered.requireAnswered();
                return Optional.of(reply);
            }));
        } catch (Refusal refusal) {
            return Optional.of(Reply.refusal(refusal.markdown()));
        }
    }

    /**
     * Runs a turn's transaction with the directory's answers handed in, so that no directory lookup (a Graph call)
     * ever happens while the database's single writer is held: see {@link DirectoryAnswers}. An attempt that asked
     * about names not yet looked up is rolled back, they are looked up, and it runs again.
     */
    private <T> T withLookups(String tenantId, Function<DirectoryAnswers.Round, T> attempt) {
        DirectoryAnswers answers = new DirectoryAnswers(directory, tenantId, lookupBudget, lookups);
        while (true) {
            DirectoryAnswers.Round round = answers.round();
            try {
                return attempt.apply(round);
            } catch (RuntimeException e) {
                if (round.complete()) {
                    throw e;
                }
                // Rolled back (by DirectoryAnswers.Needed, or a refusal that may rest on a name not yet looked up).
                round.lookUpMissed();
            }
        }
    }

    /** Handles the commands of one message, all or nothing. */
    String handle(Desk desk, List<Command> commands) {
        List<String> replies = new ArrayList<>();
        long statements = commands.stream()
                .filter(c -> !(c instanceof Command.SetItem) && !(c instanceof Command.MinutesOf)).count();
        for (Command command : commands) {
            String reply;
            try {
                reply = dispatch(desk, command);
            } catch (Refusal refusal) {
                if (statements > 1) {
                    throw new Refusal(refusal.markdown() + "\n\nNothing in your message was recorded: put that right"
                            + " and send the whole message again.");
                }
                throw refusal;
            }
            if (reply != null && !reply.isBlank()) {
                replies.add(reply);
            }
            desk.refresh();
        }
        return String.join("\n\n", replies);
    }

    private String dispatch(Desk desk, Command command) {
        return handlers.dispatch(desk, command);
    }

    /** True when a handler is registered for {@code type}: every command has exactly one. */
    boolean handles(Class<? extends Command> type) {
        return handlers.handles(type);
    }

    /**
     * A button pressed on one of BoardClerk's cards. It is recorded exactly as the equivalent typed command would be
     * (same roles, same checks, same history), with "card" as where it came from. A press on a card whose action
     * has changed since the card was drawn, or has closed, records nothing and redraws the card as things stand.
     */
    public CardOutcome onCardAction(CardTurn turn) {
        // A question's choice is a typed command: read, like any message, before the transaction.
        List<Command> said = Card.Verbs.SAY.equals(turn.verb()) ? reader.read(QuestionPress.typed(turn)) : List.of();
        try {
            return withLookups(turn.conversation().tenantId(), answered -> transaction(turn.receivedAt(), ledger -> {
                boolean fresh = ledger.claimActivity(turn.conversation().conversationId(), turn.activityId(),
                        turn.receivedAt());
                if (Card.Verbs.SAY.equals(turn.verb())) {
                    return QuestionPress.apply(ledger, turn, said, this, fresh, answered);
                }
                if (turn.conversation().personal()) {
                    return personalCard(ledger, turn, fresh);
                }
                CardPress press = CardPress.read(turn);
                Source source = new Source(turn.activityId(), turn.sender().teamsId(), turn.sender().name(),
                        press.typed(), turn.receivedAt());
                Desk desk = desk(ledger, turn.conversation(), turn.sender(), List.of(), source, Desk.VIA_CARD,
                        answered);
                CardOutcome outcome = press.apply(desk, this, fresh);
                answered.requireAnswered();
                return outcome;
            }));
        } catch (Refusal refusal) {
            return CardOutcome.refused(refusal.markdown());
        }
    }

    private CardOutcome personalCard(Ledger ledger, CardTurn turn, boolean fresh) {
        if (ReminderPress.handles(turn.verb())) {
            return ReminderPress.apply(ledger, turn, this, fresh);
        }
        if (!Card.Verbs.MORE.equals(turn.verb())) {
            throw new Refusal("That button works only in the board's own conversation.");
        }
        int page = CardPress.number(turn.data(), Card.Verbs.PAGE);
        Turn asTurn = new Turn(turn.conversation(), turn.sender(), "my actions", List.of(), turn.activityId(),
                turn.receivedAt());
        Reply reply = ActionLogs.mineEverywhere(ledger, asTurn, turn.receivedAt().atZone(zone).toLocalDate());
        return reply.cards().isEmpty() ? new CardOutcome(null, reply.markdown(), null, false)
                : new CardOutcome(new Card.ActionLog(((Card.ActionLog) reply.cards().get(0)).view(), page), null, null,
                false);
    }

    /** Runs a typed command's handler for a card press; a refusal rolls the press back like any turn. */
    String run(Desk desk, Command command) {
        return dispatch(desk, command);
    }

    /** Teams' meeting-start event in a meeting chat. */
    public Optional<Reply> onMeetingStart(Conversation conversation, String activityId, String teamsMeetingId,
                                          String title, Instant startTime, Instant receivedAt) {
        // A meeting chat carries no name of its own: the meeting's title names the board.
        Conversation named = conversation.kind() == Conversation.Kind.MEETING && conversation.suggestedName() == null
                && title != null ? new Conversation(conversation.tenantId(), conversation.conversationId(),
                conversation.kind(), title) : conversation;
        return meetingEvent(named, activityId, receivedAt,
                desk -> MeetingsHandler.teamsStart(desk, teamsMeetingId, title, startTime));
    }

    /** Teams' meeting-end event. */
    public Optional<Reply> onMeetingEnd(Conversation conversation, String activityId, String teamsMeetingId,
                                        Instant receivedAt) {
        return meetingEvent(conversation, activityId, receivedAt, desk -> MeetingsHandler.teamsEnd(desk, teamsMeetingId));
    }

    private Optional<Reply> meetingEvent(Conversation conversation, String activityId, Instant at,
                                         java.util.function.Function<Desk, String> work) {
        return withLookups(conversation.tenantId(), answered -> transaction(at, ledger -> {
            if (!ledger.claimActivity(conversation.conversationId(), activityId, at)) {
                return Optional.<Reply>empty();
            }
            Board board = boardFor(ledger, conversation);
            Source source = new Source(activityId, null, "Microsoft Teams", "(meeting event)", at);
            Desk desk = new Desk(ledger, board, null, new RosterMatcher(ledger.people(board.id()), List.of()), source,
                    zone).withDirectory(answered).withAttendance(attendanceOn)
                .withCalendar(calendarOn);
            String text = work.apply(desk);
            Reply reply = new Reply(text, desk.cards(), desk.effects());
            answered.requireAnswered();
            return reply.isEmpty() ? Optional.<Reply>empty() : Optional.of(reply);
        }));
    }

    /**
     * One transaction in which the reminders of whatever the work changed are replanned before it commits, so a
     * change to an action or a meeting takes effect on its reminders at once (or, if refused, not at all).
     */
    private <T> T transaction(Instant at, java.util.function.Function<Ledger, T> work) {
        return ReminderPlanning.inTransaction(store, at, work);
    }

    /** Brings the board's roster up to date with what Teams lists. */
    public void syncRoster(Conversation conversation, List<RosterEntry> members, boolean complete) {
        if (conversation.personal()) {
            return;
        }
        store.inTransaction(ledger -> {
            Board board = boardFor(ledger, conversation);
            for (RosterEntry member : members) {
                Person person = ledger.upsertRosterMember(board.id(), member.teamsId(), member.aadObjectId(),
                        member.name());
                if (member.address() != null) {
                    ledger.setPersonAddress(person.id(), member.address());
                }
                if (ledger.outsider(person.id()) != member.outsider()) {
                    ledger.setOutsider(person.id(), member.outsider());
                }
            }
            if (complete) {
                ledger.retainRoster(board.id(), members.stream().map(RosterEntry::teamsId).toList());
            }
            return null;
        });
    }

    Desk desk(Ledger ledger, Conversation conversation, Sender sender, List<Mention> mentions, Source source,
              Directory directory) {
        return desk(ledger, conversation, sender, mentions, source, Desk.VIA_MESSAGE, directory);
    }

    Desk desk(Ledger ledger, Conversation conversation, Sender sender, List<Mention> mentions, Source source,
                      String via, Directory directory) {
        Board board = boardFor(ledger, conversation);
        // The board's people are read for the roster anyway; the sender is among them (one per Teams id) once known.
        List<Person> people = ledger.people(board.id());
        Person me = people.stream().filter(p -> sender.teamsId() != null && sender.teamsId().equals(p.teamsId()))
                .findFirst().filter(Person::onRoster).orElse(null);
        if (me == null) {
            me = ledger.upsertRosterMember(board.id(), sender.teamsId(), sender.aadObjectId(), sender.name());
            people = ledger.people(board.id());
        }
        return new Desk(ledger, board, me, new RosterMatcher(people, mentions), source, zone, via)
                .withDirectory(directory).withAttendance(attendanceOn)
                .withCalendar(calendarOn).withStanding(sender.standing(), sender.unvouchedBecause());
    }

    /**
     * The board of a conversation, made on first use and kept named after what Teams calls it (its team and channel,
     * the chat's topic or the meeting's title), until someone names it with {@code board name}. Without any of
     * these it is {@link BoardNaming#UNNAMED}; a board named by an earlier version after its conversation id
     * ("Board 7b9bbb65") counts as unnamed.
     */
    static Board boardFor(Ledger ledger, Conversation conversation) {
        String suggested = conversation.suggestedName() == null || conversation.suggestedName().isBlank() ? null
                : conversation.suggestedName().strip();
        Optional<Board> found = ledger.findBoard(conversation.tenantId(), conversation.conversationId());
        if (found.isEmpty()) {
            return ledger.createBoard(conversation.tenantId(), conversation.conversationId(),
                    suggested != null ? suggested : BoardNaming.UNNAMED);
        }
        Board board = found.get();
        if (board.nameSetByUser()) {
            return board;
        }
        String wanted = suggested != null ? suggested
                : BoardNaming.isLegacyName(board.name(), board.conversationId()) ? BoardNaming.UNNAMED : null;
        if (wanted != null && !wanted.equals(board.name())) {
            ledger.renameBoard(board.id(), wanted, false);
            return ledger.board(board.id()).orElseThrow();
        }
        return board;
    }

    static Source source(Turn turn) {
        return new Source(turn.activityId(), turn.sender().teamsId(), turn.sender().name(), turn.text(),
                turn.receivedAt());
    }
}
