package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command.NamedPerson;
import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.parse.MeetingWords;
import io.boardclerk.core.roster.Abbreviations;
import io.boardclerk.core.roster.Match;
import io.boardclerk.core.roster.RosterMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Apologies for absence: the secretary's minute sentences, a member's own apologies, and reading them back. */
final class ApologiesHandler {

    private ApologiesHandler() {
    }

    static String record(Desk desk, Command.RecordApologies command) {
        boolean onlySelf = command.people().size() == 1
                && desk.roster().match(command.people().get(0).name()) instanceof Match.Unique u
                && u.person().id() == desk.sender().id();
        if (!onlySelf) {
            desk.requireOfficer("record apologies for other people (send your own with " + Md.code("my apologies")
                    + ")");
        }
        Meeting meeting = meetingFor(desk, command);
        if (meeting == null) {
            return askWhichMeeting(desk, command);
        }
        List<Apology> existing = desk.ledger().apologies(meeting.id());
        long recording = desk.record(RecordingKind.APOLOGIES);
        List<String> recorded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (NamedPerson named : command.people()) {
            Match match = desk.roster().match(named.name());
            if (match instanceof Match.Ambiguous ambiguous) {
                notes.add("I did not record **" + Md.esc(named.name()) + "**: that could be "
                        + names(ambiguous.candidates()) + ". Say " + Md.code("apologies <full name>") + ".");
                List<Card.Question.Choice> choices = new ArrayList<>();
                for (Person candidate : ambiguous.candidates().subList(0, Math.min(4,
                        ambiguous.candidates().size()))) {
                    choices.add(new Card.Question.Choice(candidate.name(), "apologies for "
                            + BritishDates.format(meeting.date()) + ": " + candidate.name()));
                }
                choices.add(new Card.Question.Choice("Neither", ""));
                desk.show(new Card.Question(desk.board().id(), "Apologies from \"" + named.name() + "\": who is it?",
                        choices));
                continue;
            }
            if (!(match instanceof Match.Unique) && isPost(named.name())) {
                // "the DoF", "the Director of Estates": a post nobody on the roster holds. Asked, never made a person.
                notes.add("I did not record **" + Md.esc(named.name()) + "**: nobody on this board has that title. "
                        + "Give it to its holder with " + Md.code("role @person <full title>") + ", or name them.");
                desk.show(new Card.Question(desk.board().id(), "Who is \"" + named.name() + "\"? Nobody on this"
                        + " board has that title.", List.of(new Card.Question.Choice("Drop it", ""))));
                continue;
            }
            boolean unknown = !(match instanceof Match.Unique);
            Person person = match instanceof Match.Unique unique ? unique.person() : rememberUnknown(desk, named);
            String name = person == null ? named.name() : person.name();
            Long personId = person == null ? null : person.id();
            boolean already = existing.stream().anyMatch(a -> personId != null ? personId.equals(a.personId())
                    : a.personId() == null && RosterMatcher.normal(a.name()).equals(RosterMatcher.normal(name)));
            if (already) {
                notes.add(Md.esc(name) + " already has apologies recorded for " + Desk.describe(meeting) + ".");
                continue;
            }
            if (person != null) {
                learn(desk, person, named);
            }
            String role = named.role() != null ? named.role() : person == null ? null : person.title();
            Apology apology = desk.ledger().addApology(meeting.id(), personId, name, role, recording);
            existing = new ArrayList<>(existing);
            existing.add(apology);
            recorded.add("- " + describe(apology) + flag(person, unknown));
        }
        if (recorded.isEmpty()) {
            desk.ledger().markUndone(recording, desk.now());
        }
        StringBuilder reply = new StringBuilder();
        if (!recorded.isEmpty()) {
            reply.append("Apologies recorded for ").append(Desk.describe(meeting)).append(":\n")
                    .append(String.join("\n", recorded));
        }
        for (String note : notes) {
            reply.append(reply.length() > 0 ? "\n\n" : "").append(note);
        }
        if (!recorded.isEmpty()) {
            reply.append("\n\nWrong? Say ").append(Md.code("undo")).append(" or ")
                    .append(Md.code("remove apology <name>")).append(".");
        }
        return reply.toString();
    }

    /**
     * A member's own apologies, for the meeting they named (or the next, when none is under way). Never assumed to
     * be for the meeting under way: a member who names none while one is open is asked which. A meeting not yet
     * scheduled keeps the apology until it is.
     */
    static String own(Desk desk, Command.OwnApologies command) {
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        List<MeetingWords.Named> named = command.meeting() == null ? List.of()
                : MeetingWords.findAll(command.meeting(), desk.today());
        if (named.size() <= 1) {
            return own(desk, MeetingChoice.of(desk, command.meeting()), note);
        }
        // "apologies for the 15/04 and 13/05 Boards": each meeting named.
        List<String> replies = new ArrayList<>();
        for (MeetingWords.Named one : named) {
            replies.add(own(desk, MeetingChoice.of(desk, one.words()), note));
        }
        return String.join("\n", replies);
    }

    /** "Helen Marsh sends apologies ...": hers if Helen Marsh is speaking; someone else's are asked about. */
    static String sentBy(Desk desk, Command.ApologiesSentBy command) {
        Match match = desk.roster().match(command.name());
        if (match instanceof Match.Unique unique && unique.person().id() == desk.sender().id()) {
            return own(desk, new Command.OwnApologies(command.meeting(), command.note()));
        }
        String example = "apologies " + command.name();
        desk.show(new Card.Question(desk.board().id(), "Apologies from " + command.name() + ": they can send their"
                + " own, or the chair or secretary can record them.", List.of(new Card.Question.Choice("Record them",
                example), new Card.Question.Choice("Drop it", ""))));
        return "Apologies from someone else are recorded by the chair or secretary (" + Md.code(example)
                + "), or sent by them here. Nothing is recorded yet.";
    }

    private static String own(Desk desk, MeetingChoice choice, String note) {
        Person me = desk.sender();
        String because = note == null ? "" : " (" + Md.esc(note) + ")";
        if (choice instanceof MeetingChoice.Found found) {
            Meeting meeting = found.meeting();
            boolean already = desk.ledger().apologies(meeting.id()).stream()
                    .anyMatch(a -> Objects.equals(a.personId(), me.id()));
            if (already) {
                return "Your apologies are already recorded for " + Desk.describe(meeting) + " of "
                        + Md.esc(desk.board().name()) + ".";
            }
            long recording = desk.record(RecordingKind.APOLOGIES);
            desk.ledger().addApology(meeting.id(), me.id(), me.name(), me.title(), note, recording);
            return "Your apologies are recorded for " + Desk.describe(meeting) + " of "
                    + Md.esc(desk.board().name()) + because + ". Changed your mind? Say " + Md.code("undo") + ".";
        }
        if (choice instanceof MeetingChoice.NotYetScheduled later) {
            MeetingWords.Named named = later.named();
            long recording = desk.record(RecordingKind.APOLOGIES);
            desk.ledger().awaitApology(desk.board().id(), me.id(), me.name(), me.title(), note, named.words(),
                    named.kind() == MeetingWords.Kind.DAY ? named.day() : null,
                    named.kind() == MeetingWords.Kind.MONTH ? named.month() : null, recording);
            return "Your apologies are kept for " + later.describe() + " of " + Md.esc(desk.board().name())
                    + because + ", which is not scheduled yet: I will record them on it once it is. Changed your"
                    + " mind? Say " + Md.code("undo") + ".";
        }
        if (choice instanceof MeetingChoice.Ask ask) {
            List<Card.Question.Choice> choices = new ArrayList<>();
            for (Meeting meeting : ask.candidates().subList(0, Math.min(4, ask.candidates().size()))) {
                String label = (meeting.status() == MeetingStatus.OPEN ? "Today's, " : "")
                        + BritishDates.formatLong(meeting.date());
                choices.add(new Card.Question.Choice(label, "my apologies for "
                        + (meeting.status() == MeetingStatus.OPEN ? "today" : BritishDates.format(meeting.date()))
                        + (note == null ? "" : " (" + note.replace('(', ' ').replace(')', ' ').strip() + ")")));
            }
            choices.add(new Card.Question.Choice("Neither", ""));
            desk.show(new Card.Question(desk.board().id(), ask.why() + ": which meeting are your apologies for?",
                    choices));
            return "Which meeting are your apologies for? Nothing is recorded until you say.";
        }
        MeetingChoice.Refused refused = (MeetingChoice.Refused) choice;
        throw new Refusal(Md.esc(refused.why()) + " Say " + Md.code("my apologies for 26/05/2027")
                + " with the meeting's date, or " + Md.code("my apologies for the next meeting") + ".");
    }

    static String list(Desk desk, Command.ListApologies command) {
        Meeting meeting = MeetingChoice.named(desk, command.meeting()).orElseGet(desk::meetingToRead);
        List<Apology> apologies = desk.ledger().apologies(meeting.id());
        if (apologies.isEmpty()) {
            return "No apologies are recorded for " + Desk.describe(meeting) + ".";
        }
        StringBuilder out = new StringBuilder("Apologies for " + Desk.describe(meeting) + ":");
        for (Apology a : apologies) {
            out.append("\n- ").append(describe(a));
        }
        return out.toString();
    }

    static String remove(Desk desk, Command.RemoveApology command) {
        Meeting meeting = desk.meetingToRead();
        List<Apology> apologies = desk.ledger().apologies(meeting.id());
        Match match = desk.roster().match(command.name());
        List<Apology> found = apologies.stream().filter(a -> match instanceof Match.Unique u
                        ? Objects.equals(a.personId(), u.person().id())
                        : RosterMatcher.normal(a.name()).equals(RosterMatcher.normal(command.name())))
                .toList();
        if (found.isEmpty()) {
            return "There are no apologies from " + Md.esc(command.name()) + " for " + Desk.describe(meeting)
                    + ". Say " + Md.code("apologies") + " to see who has sent them.";
        }
        Apology apology = found.get(0);
        if (!Objects.equals(apology.personId(), desk.sender().id())) {
            desk.requireOfficer("remove someone else's apologies");
        }
        desk.ledger().removeApology(apology.id());
        return "Removed the apologies from " + Md.esc(apology.name()) + " for " + Desk.describe(meeting) + ".";
    }

    static String describe(Apology a) {
        return "**" + Md.esc(a.name()) + "**" + (a.role() == null || a.role().isBlank() ? "" : ", " + Md.esc(a.role()))
                + (a.note() == null || a.note().isBlank() ? "" : " (" + Md.esc(a.note()) + ")");
    }

    private static String flag(Person person, boolean unknown) {
        if (unknown) {
            return " ⚠ not anyone I know on this board: kept as written";
        }
        return person.onRoster() ? "" : " (not in this chat's roster)";
    }

    /** A named person nobody on the board matches: remembered (with their title) when the name looks like one. */
    /** "the DoF", "HRBP", "the Director of Estates": a post rather than a person's name. */
    private static boolean isPost(String name) {
        String bare = name.strip().replaceFirst("(?i)^the\\s+", "");
        return name.strip().toLowerCase(Locale.ROOT).startsWith("the ")
                || Abbreviations.written(bare) != null;
    }

    /**
     * The meeting a list of apologies is for: the date named; the one being minuted for the minutes' own sentence;
     * else the one under way, or the next. Null when no meeting is under way and one is still being minuted while
     * another is scheduled: which one is then asked.
     */
    private static Meeting meetingFor(Desk desk, Command.RecordApologies command) {
        if (command.meeting() != null) {
            return desk.ledger().meetings(desk.board().id()).stream()
                    .filter(m -> m.date().equals(command.meeting())).findFirst()
                    .orElseThrow(() -> new Refusal("No meeting of " + Md.esc(desk.board().name()) + " is on "
                            + BritishDates.formatLong(command.meeting()) + "."));
        }
        if (command.minutes()) {
            // The minutes' "Apologies were received from ..." is about the meeting being minuted, even weeks later.
            return desk.minutedMeeting().orElseGet(desk::requireMeeting);
        }
        if (desk.ledger().openMeeting(desk.board().id()).isEmpty() && desk.minutedMeeting().isPresent()
                && desk.currentOrNextMeeting().isPresent()) {
            return null;
        }
        return desk.requireMeeting();
    }

    private static String askWhichMeeting(Desk desk, Command.RecordApologies command) {
        String names = String.join(", ", command.people().stream().map(NamedPerson::name).toList());
        Meeting minuted = desk.minutedMeeting().orElseThrow();
        Meeting next = desk.currentOrNextMeeting().orElseThrow();
        desk.show(new Card.Question(desk.board().id(), "Apologies from " + names + ": for which meeting?", List.of(
                new Card.Question.Choice("Held " + BritishDates.formatLong(minuted.date()),
                        "apologies for " + BritishDates.format(minuted.date()) + ": " + names),
                new Card.Question.Choice("Next, " + BritishDates.formatLong(next.date()),
                        "apologies for " + BritishDates.format(next.date()) + ": " + names),
                new Card.Question.Choice("Neither", ""))));
        return "Are these apologies for the meeting of " + BritishDates.formatLong(minuted.date())
                + ", whose minutes are being written, or for the next (" + BritishDates.formatLong(next.date())
                + ")? Nothing is recorded until you say.";
    }

    private static Person rememberUnknown(Desk desk, NamedPerson named) {
        String name = named.name();
        if (name.toLowerCase(Locale.ROOT).startsWith("the ") || name.split("\\s+").length < 2) {
            return null;
        }
        Person person = desk.ledger().addKnownPerson(desk.board().id(), name, named.role());
        if (named.alias() != null) {
            desk.ledger().setAlias(person.id(), named.alias());
        }
        desk.refresh();
        return person;
    }

    /** Titles seen in apology sentences are remembered, so that "the Director of Estates" later finds its person. */
    /**
     * What the minutes' list teaches about a person: their title, only while they have none (a title on the roster is
     * changed with {@code role}, never by an apology's "CFO"), and an alias.
     */
    private static void learn(Desk desk, Person person, NamedPerson named) {
        boolean changed = false;
        if (named.role() != null && (person.title() == null || person.title().isBlank())
                && Abbreviations.written(named.role()) == null
                && !named.name().toLowerCase(Locale.ROOT).startsWith("the ")) {
            desk.ledger().setTitle(person.id(), named.role());
            changed = true;
        }
        if (named.alias() != null && !named.alias().equals(person.alias())) {
            desk.ledger().setAlias(person.id(), named.alias());
            changed = true;
        }
        if (changed) {
            desk.refresh();
        }
    }

    static String names(List<Person> people) {
        List<String> names = people.stream().map(p -> Md.esc(p.described())).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
