package io.boardclerk.core.roster;

import io.boardclerk.core.model.Person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Finds the person a piece of text means: by @mention, full name, role title as the minutes use it
 * ("the Chief Constable"), a short name from the minutes ("the Commissioner"), initials ("NH"), or a first name
 * or surname that only one person has. Two people matching is a question, never a guess.
 */
public final class RosterMatcher {

    private final List<Person> people;
    private final List<Mention> mentions;

    public RosterMatcher(Collection<Person> people, Collection<Mention> mentions) {
        this.people = List.copyOf(people);
        this.mentions = List.copyOf(mentions);
    }

    public List<Person> people() {
        return people;
    }

    public List<Mention> mentions() {
        return mentions;
    }

    public Match match(String text) {
        if (text == null || text.isBlank()) {
            return new Match.None();
        }
        String wanted = normal(text);
        for (Mention mention : mentions) {
            if (normal(mention.name()).equals(wanted)) {
                List<Person> byId = find(p -> mention.teamsId().equals(p.teamsId()));
                if (!byId.isEmpty()) {
                    return of(byId);
                }
            }
        }
        String bare = wanted.replaceFirst("^the ", "");
        List<Predicate<Person>> rules = List.of(
                p -> normal(p.name()).equals(wanted),
                p -> titleMatches(p, bare),
                p -> p.alias() != null && normal(p.alias()).equals(bare),
                p -> text.trim().matches("[A-Z]{2,4}") && initials(p.name()).equals(text.trim()),
                p -> !bare.contains(" ") && bare.length() > 1 && List.of(normal(p.name()).split(" ")).contains(bare));
        for (Predicate<Person> rule : rules) {
            List<Person> found = find(rule);
            if (!found.isEmpty()) {
                return of(found);
            }
        }
        return new Match.None();
    }

    /** The board's known initials, to tell "NH" (a person) from "OPCC" (a body). */
    public List<String> initials() {
        return people.stream().map(p -> initials(p.name())).filter(i -> i.length() >= 2).distinct().toList();
    }

    public List<String> names() {
        return people.stream().map(Person::name).toList();
    }

    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.trim().split("[\\s\\-]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                out.append(word.charAt(0));
            }
        }
        return out.toString();
    }

    /** Lower case, no accents or curly quotes, single spaces, no full stops: for comparing names and titles. */
    public static String normal(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[.,;:\"“”]", " ")
                .replaceAll("\\s+", " ").trim();
    }

    private static boolean titleMatches(Person p, String bare) {
        if (p.title() == null || p.title().isBlank()) {
            return false;
        }
        String full = normal(p.title());
        String primary = normal(p.title().split(",")[0]);
        if (full.equals(bare) || primary.equals(bare)) {
            return true;
        }
        for (String part : primary.split(" and ")) {
            if (part.equals(bare) && part.split(" ").length > 1) {
                return true;
            }
        }
        return false;
    }

    private List<Person> find(Predicate<Person> rule) {
        List<Person> found = new ArrayList<>(people.stream().filter(rule).toList());
        // Someone on the Teams roster beats a namesake known only from old minutes.
        if (found.size() > 1 && found.stream().anyMatch(Person::onRoster)) {
            found.removeIf(p -> !p.onRoster());
        }
        return found;
    }

    private static Match of(List<Person> found) {
        List<Person> distinct = found.stream().filter(Objects::nonNull).distinct().toList();
        return distinct.size() == 1 ? new Match.Unique(distinct.get(0)) : new Match.Ambiguous(distinct);
    }
}
