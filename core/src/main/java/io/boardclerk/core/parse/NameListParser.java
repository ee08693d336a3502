package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command.NamedPerson;
import io.boardclerk.core.roster.Abbreviations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a list of people as minutes write it: names and roles mixed in one sentence, separated by commas,
 * semicolons and "and", sometimes role first.
 * <pre>
 * Vic Evers, Assistant Chief Constable; Matthew Ward, Chief Finance Officer (OPCC); and Colin Lusk
 * Police and Crime Commissioner (the "Commissioner") Darryl Prest; Jake Hudd, Head of Business Change
 * </pre>
 * Names the board already knows are found first; other names are recognised as runs of capitalised words that are
 * not the words of job titles. A role is never mistaken for an extra person: words that are not a name attach to
 * the person before them.
 */
public final class NameListParser {

    private static final Pattern ALIAS = Pattern.compile("\\(\\s*the\\s+[\"“”'‘’]([^\"“”'‘’)]+)[\"“”'‘’]\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_STOPS = Pattern.compile("[.\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_AND = Pattern.compile("(?i)^and\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[,;:\\s]+|[,;:\\s]+$");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[;,\\n]\\s*");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NAME_WORD = Pattern.compile("[A-Z][a-zà-ÿ]*(?:[’'\\-][A-Za-zà-ÿ]+)*\\.?");
    private static final Pattern INITIALS = Pattern.compile("[A-Z]{2,3}");
    // Compiled once: a message's names are read on every turn, and compiling these cost more than matching them.
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");
    private static final Pattern CONNECTIVE = Pattern.compile("(?i)|and|&");
    private static final Pattern WORD_EDGES = Pattern.compile("^[(\"“‘']+|[)\"”’',.]+$");
    private static final Pattern LOWER_CASE_WORD = Pattern.compile("\\p{Ll}{2,}");
    private static final List<String> PARTICLES = List.of("von", "van", "der", "de", "la", "le", "du", "da", "di",
            "bin", "al", "st");

    private NameListParser() {
    }

    /**
     * @param list       the words after "Apologies were received from"
     * @param knownNames names of people the board knows, matched first and case-insensitively
     * @param initials   initials the board knows ("NH"), read as people
     */
    public static List<NamedPerson> parse(String list, Collection<String> knownNames, Collection<String> initials) {
        List<String> known = knownNames.stream().filter(n -> n != null && !n.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        List<Builder> people = new ArrayList<>();
        for (String segment : segments(TRAILING_STOPS.matcher(list).replaceAll(""), known)) {
            String alias = alias(segment);
            String text = SPACES.matcher(PARENTHESES.matcher(segment).replaceAll(" ")).replaceAll(" ").trim();
            text = EDGE_PUNCTUATION.matcher(LEADING_AND.matcher(text).replaceFirst("")).replaceAll("");
            if (text.isEmpty()) {
                continue;
            }
            Builder current = people.isEmpty() ? null : people.get(people.size() - 1);
            Builder person = personIn(text, known, initials, current);
            if (person != null) {
                if (alias != null && person.aliasAllowed) {
                    person.alias = alias;
                }
                people.add(person);
            } else if (current != null) {
                current.addRole(text);
                if (alias != null && current.alias == null && mentionedIn(alias, current.role)) {
                    current.alias = alias;
                }
            } else {
                // A role with no name before it: "the Chief Constable" is a person to find by title.
                Builder byTitle = new Builder(text);
                byTitle.alias = alias;
                people.add(byTitle);
            }
        }
        return people.stream().map(Builder::build).toList();
    }

    /** Splits on ';' and ',' and on "and" where what follows starts a new person. */
    private static List<String> segments(String list, List<String> known) {
        List<String> out = new ArrayList<>();
        for (String part : SEPARATORS.split(list)) {
            String rest = part;
            Matcher and = AND.matcher(rest);
            int from = 0;
            while (and.find()) {
                String after = rest.substring(and.end());
                String before = rest.substring(from, and.start());
                if (!before.isBlank() && startsPerson(after, known)) {
                    out.add(before);
                    from = and.end();
                }
            }
            out.addAll(atKnownNames(rest.substring(from), known));
        }
        return out;
    }

    /**
     * "Alison Drew DCC Priya Shah ACC": a separator missed in a hurry. Splits before each name the board knows that
     * starts a word after the beginning.
     */
    private static List<String> atKnownNames(String segment, List<String> known) {
        List<String> out = new ArrayList<>();
        String lower = segment.toLowerCase(Locale.ROOT);
        int from = 0;
        for (int i = 1; i < segment.length(); i++) {
            if (segment.charAt(i - 1) != ' ' || !Character.isUpperCase(segment.charAt(i))) {
                continue;
            }
            // What lies between the last split and here is the same for every name tried.
            boolean connective = CONNECTIVE.matcher(segment.substring(from, i).strip()).matches();
            for (String name : known) {
                String n = name.toLowerCase(Locale.ROOT);
                if (!connective && n.contains(" ") && lower.startsWith(n, i) && (i + n.length() == lower.length()
                        || !Character.isLetter(lower.charAt(i + n.length())))) {
                    out.add(segment.substring(from, i).strip());
                    from = i;
                    i += n.length() - 1;
                    break;
                }
            }
        }
        out.add(segment.substring(from));
        return out;
    }

    private static boolean startsPerson(String text, List<String> known) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (known.stream().anyMatch(n -> lower.startsWith(n.toLowerCase(Locale.ROOT)))) {
            return true;
        }
        if (lower.startsWith("the ")) {
            return true;
        }
        String first = words(text).get(0);
        if (Abbreviations.written(first) != null || known.stream()
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith(first.toLowerCase(Locale.ROOT) + " "))) {
            return true;
        }
        return leadingNameWords(words(text)) >= 2;
    }

    private static Builder personIn(String text, List<String> known, Collection<String> initials, Builder current) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : known) {
            String n = name.toLowerCase(Locale.ROOT);
            if (lower.equals(n) || lower.startsWith(n + " ")) {
                Builder b = new Builder(text.substring(0, name.length()));
                b.addRole(text.substring(name.length()));
                return b;
            }
            if (lower.endsWith(" " + n) && isRole(text.substring(0, text.length() - name.length()))) {
                Builder b = new Builder(text.substring(text.length() - name.length()));
                b.addRole(text.substring(0, text.length() - name.length()));
                b.aliasAllowed = true;
                return b;
            }
        }
        if (INITIALS.matcher(text).matches() && initials.contains(text)) {
            return new Builder(text);
        }
        String abbreviation = Abbreviations.written(text);
        if (abbreviation != null && initials.contains(abbreviation)) {
            // "CEx", "T/DCC": a post on the roster, read as its holder.
            return new Builder(text);
        }
        List<String> firstWords = words(text);
        if (firstWords.size() == 2 && Abbreviations.written(firstWords.get(0)) != null
                && NAME_WORD.matcher(firstWords.get(1)).matches()) {
            // "ACC Shah": a post and its holder's surname.
            return new Builder(text);
        }
        if (firstWords.size() <= 2 && known.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT)
                .startsWith(firstWords.get(0).toLowerCase(Locale.ROOT) + " "))
                && (firstWords.size() == 1 || firstWords.get(1).replace(".", "").length() == 1)) {
            // "Tom", "Jon L": a first name the board knows, perhaps with an initial; the clerk finds who, or asks.
            return new Builder(text);
        }
        List<String> words = words(text);
        int lead = leadingNameWords(words);
        if (lead >= 2) {
            Builder b = new Builder(String.join(" ", words.subList(0, lead)));
            b.addRole(String.join(" ", words.subList(lead, words.size())));
            return b;
        }
        int trail = trailingNameWords(words);
        if (trail >= 2 && trail < words.size()) {
            Builder b = new Builder(String.join(" ", words.subList(words.size() - trail, words.size())));
            b.addRole(String.join(" ", words.subList(0, words.size() - trail)));
            b.aliasAllowed = true;
            return b;
        }
        if (lower.startsWith("the ")) {
            // "Jon Leigh, the Chief Constable": a second person named by post; a role after a name has no "the".
            return new Builder(text);
        }
        return null;
    }

    private static final Set<String> NOT_NAMES = Set.of("me", "myself", "him", "her", "us",
            "them", "i", "we", "you", "being", "late", "delay", "absence", "meeting", "today", "tomorrow", "next",
            "this", "that", "it", "all", "everyone", "the", "a", "an", "for", "on", "in", "at", "of", "my", "his",
            "their", "our", "your", "leave", "holiday", "sick", "ill", "away");

    /**
     * True when {@code name}, read from a list of names, can be a person or a role: a name the board knows, initials,
     * words written as a name ("Jon Leigh", "Ann-Marie de Vries"), or a role ("the Chief Constable"). Not "me", "being
     * late" or "the July Board", which say something else than who sent apologies.
     */
    public static boolean looksLikeName(String name, Collection<String> knownNames, Collection<String> initials) {
        String n = name.strip();
        if (n.isEmpty()) {
            return false;
        }
        for (String known : knownNames) {
            if (known.equalsIgnoreCase(n)) {
                return true;
            }
        }
        if (initials.stream().anyMatch(i -> i.equalsIgnoreCase(n))) {
            return true;
        }
        if (MeetingWords.find(n, LocalDate.of(2000, 1, 1)).isPresent()) {
            return false;
        }
        List<String> words = words(n);
        boolean role = false;
        for (int i = 0; i < words.size(); i++) {
            String w = WORD_EDGES.matcher(words.get(i)).replaceAll("");
            String lower = w.toLowerCase(Locale.ROOT);
            if (w.isEmpty() || i == 0 && lower.equals("the") && words.size() > 1) {
                continue;
            }
            if (RoleWords.contains(w) || RoleWords.contains(lower)) {
                role = true;
                continue;
            }
            // A word in lower case ("being", "late", "me") says something else than who; particles excepted.
            if (NOT_NAMES.contains(lower) && !(i > 0 && PARTICLES.contains(lower))
                    || LOWER_CASE_WORD.matcher(w).matches() && !PARTICLES.contains(lower)) {
                return false;
            }
        }
        return role || words.size() <= 6;
    }

    private static boolean isRole(String text) {
        return words(text).stream().anyMatch(RoleWords::contains);
    }

    private static List<String> words(String text) {
        return List.of(SPACES.split(text.trim()));
    }

    private static boolean nameWord(String word) {
        return NAME_WORD.matcher(word).matches() && !RoleWords.contains(word);
    }

    private static int leadingNameWords(List<String> words) {
        int n = 0;
        while (n < words.size() && (nameWord(words.get(n))
                || (n > 0 && n + 1 < words.size() && PARTICLES.contains(words.get(n)) && nameWord(words.get(n + 1))))) {
            n++;
        }
        return Math.min(n, 4) == n ? n : 0;
    }

    private static int trailingNameWords(List<String> words) {
        int n = 0;
        while (n < words.size() && nameWord(words.get(words.size() - 1 - n))) {
            n++;
        }
        return n <= 3 ? n : 0;
    }

    private static String alias(String segment) {
        Matcher m = ALIAS.matcher(segment);
        if (!m.find()) {
            return null;
        }
        String alias = m.group(1).trim();
        return RoleWords.contains(alias) && !alias.equalsIgnoreCase("constabulary") && !alias.equalsIgnoreCase("board")
                || SPACES.split(alias).length > 1 ? alias : null;
    }

    private static boolean mentionedIn(String alias, String role) {
        return role != null && role.toLowerCase(Locale.ROOT).contains(alias.toLowerCase(Locale.ROOT))
                && !alias.equalsIgnoreCase("constabulary") && !alias.equalsIgnoreCase("board");
    }

    private static final class Builder {
        private final String name;
        private String role;
        private String alias;
        private boolean aliasAllowed;

        Builder(String name) {
            this.name = name.trim();
        }

        void addRole(String more) {
            String text = EDGE_PUNCTUATION.matcher(more).replaceAll("").trim();
            if (!text.isEmpty()) {
                role = role == null ? text : role + ", " + text;
            }
        }

        NamedPerson build() {
            return new NamedPerson(name, role, alias);
        }
    }
}
