package io.boardclerk.core.roster;

import io.boardclerk.core.model.Person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the person a piece of text means: by @mention, full name, role title as the minutes use it
 * ("the Chief Constable"), a short name from the minutes ("the Commissioner"), initials ("NH"), or a first name
 * or surname that only one person has. Two people matching is a question, never a guess.
 */
public final class RosterMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern PUNCTUATION = Pattern.compile("[.,;:\"“”]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern AND = Pattern.compile(" and ");
    private static final Pattern INITIALS = Pattern.compile("[A-Z]{2,4}");
    private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\s+");

    /** A person with the normalised forms every match compares against, worked out once. */
    private record Known(Person person, String name, List<String> nameWords, String alias, String title,
                         String primaryTitle, String initials, List<String> titleAbbreviations) {

        static Known of(Person p) {
            String name = normal(p.name());
            String title = p.title() == null || p.title().isBlank() ? null : normal(p.title());
            return new Known(p, name, List.of(name.split(" ")), p.alias() == null ? null : normal(p.alias()), title,
                    title == null ? null : normal(p.title().split(",")[0]), RosterMatcher.initials(p.name()),
                    title == null ? List.of() : Abbreviations.of(p.title()));
        }
    }

    private final List<Person> people;
    private final List<Known> known;
    private final List<Mention> mentions;
    private final List<String> names;
    private final List<String> initials;

    public RosterMatcher(Collection<Person> people, Collection<Mention> mentions) {
        this.people = List.copyOf(people);
        this.known = this.people.stream().map(Known::of).toList();
        this.mentions = List.copyOf(mentions);
        this.names = this.people.stream().map(Person::name).toList();
        this.initials = java.util.stream.Stream.concat(known.stream().map(Known::initials),
                        known.stream().flatMap(k -> k.titleAbbreviations().stream()))
                .filter(i -> i.length() >= 2).distinct().toList();
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
                List<Person> byId = find(k -> mention.teamsId().equals(k.person().teamsId()));
                if (!byId.isEmpty()) {
                    return of(byId);
                }
            }
        }
        String bare = wanted.startsWith("the ") ? wanted.substring(4) : wanted;
        String trimmed = text.trim();
        boolean asInitials = INITIALS.matcher(trimmed).matches();
        boolean oneWord = !bare.contains(" ") && bare.length() > 1;
        String abbreviation = Abbreviations.written(LEADING_THE.matcher(trimmed).replaceFirst(""));
        List<Predicate<Known>> rules = List.of(
                k -> k.name().equals(wanted),
                k -> titleMatches(k, bare),
                k -> bare.equals(k.alias()),
                k -> asInitials && k.initials().equals(trimmed),
                k -> abbreviation != null && k.titleAbbreviations().contains(abbreviation),
                k -> oneWord && k.nameWords().contains(bare),
                k -> postAndSurname(k, trimmed),
                k -> firstNameAndInitial(k, bare),
                k -> oneWord && k.primaryTitle() != null && k.primaryTitle().endsWith(" " + bare)
                        && bare.length() > 4);
        for (Predicate<Known> rule : rules) {
            List<Person> found = find(rule);
            if (!found.isEmpty()) {
                return of(found);
            }
        }
        return new Match.None();
    }

    /** The board's known initials, to tell "NH" (a person) from "OPCC" (a body). */
    public List<String> initials() {
        return initials;
    }

    public List<String> names() {
        return names;
    }

    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                wordStart = true;
            } else {
                if (wordStart && Character.isUpperCase(c)) {
                    out.append(c);
                }
                wordStart = false;
            }
        }
        return out.toString();
    }

    /** Lower case, no accents or curly quotes, single spaces, no full stops: for comparing names and titles. */
    public static String normal(String text) {
        if (plainAscii(text)) {
            // What normalAnyText gives such text, without its three regular expressions: most names are so.
            return text.toLowerCase(Locale.ROOT);
        }
        return normalAnyText(text);
    }

    /** {@link #normal} for any text: without accents, curly quotes, punctuation and runs of spaces. */
    static String normalAnyText(String text) {
        String plain = Normalizer.isNormalized(text, Normalizer.Form.NFKD) ? text
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String spaced = PUNCTUATION.matcher(plain.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ");
        return SPACES.matcher(spaced).replaceAll(" ").trim();
    }

    /**
     * True when {@link #normal} would only lower the case of {@code text}: printable ASCII (already decomposed), none
     * of the punctuation it turns into spaces, and single spaces between words with none at either end.
     */
    private static boolean plainAscii(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '.' || c == ',' || c == ';' || c == ':' || c == '"'
                    || c == ' ' && text.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** "ACC Shah", "DCC Drew", "T/DCC Reed": a post's abbreviation and the holder's surname. */
    private static boolean postAndSurname(Known k, String text) {
        int space = text.indexOf(' ');
        if (space < 0 || text.indexOf(' ', space + 1) >= 0) {
            return false;
        }
        String abbreviation = Abbreviations.written(text.substring(0, space));
        String surname = normal(text.substring(space + 1));
        return abbreviation != null && k.titleAbbreviations().contains(abbreviation)
                && k.nameWords().get(k.nameWords().size() - 1).equals(surname);
    }

    /** "Jon L", "Alison D.": a first name and the surname's initial. */
    private static boolean firstNameAndInitial(Known k, String bare) {
        String[] words = bare.replace(".", "").split(" ");
        return words.length == 2 && words[1].length() == 1 && k.nameWords().size() >= 2
                && k.nameWords().get(0).equals(words[0])
                && k.nameWords().get(k.nameWords().size() - 1).startsWith(words[1]);
    }

    private static boolean titleMatches(Known k, String bare) {
        if (k.title() == null) {
            return false;
        }
        String primary = k.primaryTitle();
        if (k.title().equals(bare) || primary.equals(bare)) {
            return true;
        }
        for (String part : AND.split(primary)) {
            if (part.equals(bare) && part.split(" ").length > 1) {
                return true;
            }
        }
        return false;
    }

    private List<Person> find(Predicate<Known> rule) {
        List<Person> found = new ArrayList<>(known.stream().filter(rule).map(Known::person).toList());
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
