package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.PersonLink;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.roster.Mention;
import io.boardclerk.core.roster.RosterMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code link Nina Hart = @Nina Hart}: an officer says that someone the minutes name only by name is a person Teams
 * knows here. People are matched by Teams id, never by name alone, so until an officer says this, a newcomer who shares
 * the name inherits nothing; afterwards every record of the name-only person is theirs, in the turn's transaction.
 */
final class PersonLinking {

    private static final String FORM = "link Nina Hart = @Nina Hart";

    private PersonLinking() {
    }

    static String link(Desk desk, Command.LinkPerson command) {
        desk.requireOfficer("say who a person named in the minutes is");
        Person nameOnly = nameOnly(desk, command.nameOnly());
        Person teams = teamsPerson(desk, command.person());
        Map<Long, Boolean> standings = desk.ledger().standings(desk.board().id());
        Boolean was = standings.get(nameOnly.id());
        Boolean is = standings.get(teams.id());
        if (was != null && is != null && !was.equals(is)) {
            throw new Refusal("The minutes record " + Md.esc(nameOnly.name()) + " as " + standing(was) + ", but "
                    + Md.esc(teams.name()) + " in this chat as " + standing(is) + ". Nothing was changed. Record "
                    + Md.esc(teams.name()) + "'s standing as it should be (" + Md.code("Members: " + teams.name()
                    + ", <title>") + ", or under " + Md.code("In attendance:") + "), then link them again.");
        }
        desk.record(RecordingKind.OTHER);
        PersonLink link = desk.ledger().linkNameOnly(nameOnly.id(), teams.id());
        for (long actionId : link.actionIds()) {
            desk.audit(actionId, "owner linked", nameOnly.name() + " (by name)",
                    teams.name() + " (" + teams.teamsId() + ")");
        }
        desk.refresh();
        return "**" + Md.esc(nameOnly.name()) + "**, named in the minutes, is now " + Md.esc(teams.name())
                + " in this chat. " + moved(link) + " Reminders reach them in Teams.";
    }

    private static String standing(boolean member) {
        return member ? "a member" : "in attendance";
    }

    private static String moved(PersonLink link) {
        List<String> parts = new ArrayList<>();
        count(parts, link.actionIds().size(), "action");
        count(parts, link.apologies() + link.awaited(), "apology", "apologies");
        count(parts, link.declarations(), "declaration");
        count(parts, link.bodies(), "body they answer for", "bodies they answer for");
        count(parts, link.deliveries(), "reminder sent or due", "reminders sent or due");
        String now = parts.isEmpty() ? "Nothing was recorded for them yet."
                : "Now theirs: " + String.join(", ", parts) + ".";
        return link.sameApologies() == 0 ? now : now + " Both had sent apologies for " + link.sameApologies()
                + (link.sameApologies() == 1 ? " meeting" : " meetings") + ": kept once.";
    }

    private static void count(List<String> parts, int n, String one) {
        count(parts, n, one, one + "s");
    }

    private static void count(List<String> parts, int n, String one, String many) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? one : many));
        }
    }

    /** The person the minutes name, known only by that name on this board. */
    private static Person nameOnly(Desk desk, String words) {
        String wanted = RosterMatcher.normal(words);
        List<Person> named = desk.roster().people().stream()
                .filter(p -> RosterMatcher.normal(p.name()).equals(wanted)).toList();
        List<Person> byNameOnly = named.stream().filter(p -> p.teamsId() == null && p.aadObjectId() == null).toList();
        if (byNameOnly.size() == 1) {
            return byNameOnly.get(0);
        }
        if (byNameOnly.size() > 1) {
            throw new Refusal("Several people are recorded by the name \"" + Md.esc(words) + "\" ("
                    + ApologiesHandler.names(byNameOnly) + "). Nothing was changed; BoardClerk cannot tell which one"
                    + " is meant.");
        }
        if (named.stream().anyMatch(p -> p.teamsId() == null)) {
            throw new Refusal(Md.esc(words) + " was found in the organisation's directory, so BoardClerk joins them"
                    + " to their Teams identity itself when they join this chat. Nothing was changed.");
        }
        if (!named.isEmpty()) {
            throw new Refusal(Md.esc(words) + " is already known here by their Teams identity: there is nobody known"
                    + " only by that name to link. Nothing was changed.");
        }
        throw new Refusal("Nobody is recorded here by the name \"" + Md.esc(words) + "\". Say the name as the minutes"
                + " have it: " + Md.code(FORM) + ".");
    }

    /** The person in Teams: an @mention, or else the only person Teams knows here by that name. */
    private static Person teamsPerson(Desk desk, String words) {
        String wanted = RosterMatcher.normal(words);
        for (Mention mention : desk.roster().mentions()) {
            if (RosterMatcher.normal(mention.name()).equals(wanted)) {
                Optional<Person> person = desk.ledger().personByTeamsId(desk.board().id(), mention.teamsId());
                return person.orElseThrow(() -> new Refusal(Md.esc(mention.name()) + " is not a member of this"
                        + " chat. Add them to the chat first, then link them. Nothing was changed."));
            }
        }
        List<Person> inTeams = desk.roster().people().stream()
                .filter(p -> p.teamsId() != null && RosterMatcher.normal(p.name()).equals(wanted)).toList();
        if (inTeams.size() == 1) {
            return inTeams.get(0);
        }
        throw new Refusal((inTeams.isEmpty() ? "Nobody in this chat is called \"" + Md.esc(words) + "\"."
                : "\"" + Md.esc(words) + "\" could be " + ApologiesHandler.names(inTeams) + ".")
                + " Nothing was changed; @mention the person: " + Md.code(FORM) + ".");
    }
}
