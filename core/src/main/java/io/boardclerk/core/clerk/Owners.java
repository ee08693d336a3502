package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.port.DirectoryLookup;
import io.boardclerk.core.port.DirectoryPerson;
import io.boardclerk.core.roster.Abbreviations;
import io.boardclerk.core.roster.Match;
import io.boardclerk.core.roster.RosterMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Decides who an owner's words mean: a person on the board, a body, or a question to ask. */
final class Owners {

    private static final Set<String> BODY_WORDS = Set.of("constabulary", "opcc", "office", "board", "panel",
            "council", "team", "directorate", "department", "unit", "group", "service", "services", "committee",
            "force", "authority", "trust", "partnership", "secretariat", "commission", "police", "estates",
            "finance", "hr", "ict", "it");

    /**
     * The outcome: an owner, or the question to ask instead of guessing.
     *
     * @param note a line for the reply about how the owner was found (the organisation's directory), or why the
     *             directory could not help; null when there is nothing to say
     */
    record Resolution(Owner owner, String question, String note) {
        Resolution(Owner owner, String question) {
            this(owner, question, null);
        }
    }

    /** Several owners, or the question to ask; with the notes of the parts, for the reply. */
    record Several(List<Owner> owners, String question, List<String> notes) {
        boolean resolved() {
            return owners != null && !owners.isEmpty();
        }
    }

    /** An e-mail address or user principal name: looked up exactly in the directory. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private static final Pattern SEPARATORS = Pattern.compile(
            "\\s*(?:,|;|&|\\band\\b)\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * Owners named together ("Constabulary and OPCC", "@Jo Grant, @Louisa Barry"): each part must resolve on its
     * own, or the words are read as one owner (a post like "Head of Estates and Facilities").
     */
    static Several resolveAll(Desk desk, String words, boolean explicit) {
        if (words != null && SEPARATORS.matcher(words).find()) {
            List<Owner> parts = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (String part : SEPARATORS.split(words.strip())) {
                if (part.isBlank()) {
                    continue;
                }
                Resolution one = resolve(desk, part, explicit);
                if (one.owner() == null) {
                    parts = null;
                    break;
                }
                if (parts.stream().noneMatch(o -> o.name().equalsIgnoreCase(one.owner().name()))) {
                    parts.add(one.owner());
                    if (one.note() != null) {
                        notes.add(one.note());
                    }
                }
            }
            if (parts != null && parts.size() > 1) {
                return new Several(List.copyOf(parts), null, List.copyOf(notes));
            }
        }
        Resolution whole = resolve(desk, words, explicit);
        List<String> notes = whole.note() == null ? List.of() : List.of(whole.note());
        return whole.owner() == null ? new Several(null, whole.question(), notes)
                : new Several(List.of(whole.owner()), null, notes);
    }

    private Owners() {
    }

    /**
     * @param explicit true when the user named the owner outright ({@code owner: ...}); an unknown person is then
     *                 kept as written and flagged, where an owner read out of minute language must be certain
     */
    static Resolution resolve(Desk desk, String words, boolean explicit) {
        if (words == null || words.isBlank()) {
            return new Resolution(null, "Who owns this action?");
        }
        String bare = words.strip().replaceFirst("(?i)^the\\s+", "");
        Match match = desk.roster().match(words);
        if (match instanceof Match.Unique unique) {
            return new Resolution(Owner.person(unique.person()), null);
        }
        if (match instanceof Match.Ambiguous ambiguous) {
            return new Resolution(null, "Who owns this action? \"" + Md.esc(words) + "\" could be "
                    + ApologiesHandler.names(ambiguous.candidates()) + ".");
        }
        if (Abbreviations.isPost(bare)) {
            // "ACC" where nobody on the roster has that title: a post, not a new body. Asked, never recorded so.
            return new Resolution(null, "Who is \"" + Md.esc(bare) + "\"? Nobody on this board has a title that "
                    + "abbreviates to it. Give the title to its holder with " + Md.code("role @person <full title>")
                    + ", or name the owner.");
        }
        boolean address = ADDRESS.matcher(bare).matches();
        boolean body = !address && isBody(desk, bare);
        String failure = null;
        if (address || (!body && looksLikeName(bare))) {
            DirectoryLookup found = desk.directory().find(desk.board().tenantId(), bare);
            if (found instanceof DirectoryLookup.Found one) {
                Person person = desk.directoryPerson(one.person());
                return new Resolution(Owner.person(person), null, Md.esc(described(one.person()))
                        + " was found in the organisation's directory.");
            }
            if (found instanceof DirectoryLookup.Several several) {
                return new Resolution(null, "Who owns this action? \"" + Md.esc(words.strip()) + "\" is "
                        + several.people().size() + " people in the organisation's directory. Name the owner by "
                        + "e-mail address.");
            }
            if (found instanceof DirectoryLookup.Failed failed) {
                failure = "The organisation's directory could not be searched: " + Md.esc(failed.problem());
            }
        }
        if (address ? isBody(desk, bare) : body) {
            boolean newAbbreviation = bare.matches("[A-Z]{2,6}") && desk.ledger().bodyOwnerNames(desk.board().id())
                    .stream().noneMatch(name -> name.equalsIgnoreCase(bare));
            String said = newAbbreviation ? "⚠ " + Md.esc(bare) + " is new on this board's log: recorded as a body"
                    + " (an organisation). If it is a person's title, say " + Md.code("role @person <full title>")
                    + " and change the owner." : null;
            return new Resolution(Owner.body(bare), null, failure == null ? said
                    : said == null ? failure : failure + "\n" + said);
        }
        if (explicit && looksLikeName(bare)) {
            return new Resolution(Owner.unresolved(bare), null, failure);
        }
        return new Resolution(null, "Who is \"" + Md.esc(words.strip()) + "\"? Nobody on this board has that name or"
                + " title. Give the title to someone with " + Md.code("role @person " + bare)
                + ", or name the owner.", failure);
    }

    /**
     * The name only: the reply is read by everyone in the chat, and a directory's e-mail addresses are not theirs to
     * see.
     */
    private static String described(DirectoryPerson person) {
        return person.displayName();
    }

    static boolean isBody(Desk desk, String words) {
        String lower = RosterMatcher.normal(words);
        if (desk.ledger().bodyOwnerNames(desk.board().id()).stream()
                .anyMatch(name -> RosterMatcher.normal(name).equals(lower))) {
            return true;
        }
        if (words.matches("[A-Z]{2,6}") && !desk.roster().initials().contains(words)) {
            return true;
        }
        String[] parts = lower.split(" ");
        if (parts.length == 1) {
            return true;
        }
        for (String part : parts) {
            if (BODY_WORDS.contains(part)) {
                return !containsRoleHead(lower);
            }
        }
        return false;
    }

    /** "Chief Constable", "Head of ..." name a post holder, not a body. */
    private static boolean containsRoleHead(String lower) {
        return lower.matches(".*\\b(chief|head|director|officer|manager|commissioner|constable|executive|chair|"
                + "secretary|lead|deputy|assistant|treasurer|clerk|inspector|superintendent)\\b.*");
    }

    private static boolean looksLikeName(String words) {
        return words.matches("[A-Z][\\p{L}'’\\-]+(?: [A-Z][\\p{L}'’\\-]+){1,3}") && !containsRoleHead(
                words.toLowerCase(Locale.ROOT));
    }
}
