package io.boardclerk.core.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Role abbreviations as minutes use them: "CFO", "DCC", "ACC", "T/DCC", "PCC", "CEx". Read against the titles on a
 * board's roster ("Chief Finance Officer" is CFO, "Temporary Deputy Chief Constable" T/DCC), never guessed.
 */
public final class Abbreviations {

    /**
     * Written as an abbreviation: capitals, with a "T/" or "A/" (temporary, acting), an "o" for "of" ("DoF") and a
     * final "x" ("CEx") allowed.
     */
    private static final Pattern WRITTEN = Pattern.compile("(?:[TAD]/)?[A-Z](?:o?[A-Z]){1,5}x?");
    // Compiled once: every person's title is read each time a board's roster is matched against (on every message).
    private static final Pattern AND = Pattern.compile("(?i)\\s+and\\s+");
    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s-]+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}&]");
    private static final Set<String> SMALL_WORDS = Set.of("and", "of", "the", "for", "to", "&", "in");
    /** Abbreviations of posts that boards use: an unknown one is a post nobody on the roster holds, not a body. */
    private static final Set<String> POSTS = Set.of("CC", "DCC", "ACC", "TDCC", "TACC", "ADCC", "AACC", "PCC", "DPCC",
            "CFO", "CEO", "CE", "CEX", "COO", "CIO", "CTO", "CPO", "DCFO", "HR", "HOF", "MO", "DOR", "DOF", "DCEO",
            "ACO", "DCS", "DSU", "CSU", "SIRO", "DPO", "CCO", "DR", "DF", "HRBP", "HRD", "HP", "HS", "DE");

    private Abbreviations() {
    }

    /**
     * The abbreviation as compared with titles' ("T/DCC" gives "TDCC", "CEx" gives "CE"); null when the text is not
     * written as one.
     */
    public static String written(String text) {
        String t = text.strip();
        if (!WRITTEN.matcher(t).matches()) {
            return null;
        }
        String letters = t.replace("/", "").replace("o", "");
        if (letters.endsWith("x")) {
            // "CEx": the Chief Executive.
            letters = letters.substring(0, letters.length() - 1);
        }
        return letters.toUpperCase(Locale.ROOT);
    }

    /** True when {@code text} is written as the abbreviation of a post ("ACC", "T/DCC"), known or not. */
    public static boolean isPost(String text) {
        String written = written(text);
        return written != null && (POSTS.contains(written) || text.contains("o") || written.length() > 2
                && written.startsWith("T") && POSTS.contains(written.substring(1)));
    }

    /** Every abbreviation a title answers to: its own, and each part's where it joins two posts with "and". */
    static List<String> of(String title) {
        List<String> out = new ArrayList<>();
        String primary = title.split(",")[0];
        add(out, primary);
        for (String part : AND.split(primary)) {
            add(out, part);
        }
        return List.copyOf(out);
    }

    private static void add(List<String> out, String words) {
        StringBuilder letters = new StringBuilder();
        for (String word : WORD_BREAKS.split(words.strip())) {
            String w = NOT_LETTERS.matcher(word).replaceAll("");
            if (!w.isEmpty() && !SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                letters.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        if (letters.length() >= 2 && !out.contains(letters.toString())) {
            out.add(letters.toString());
        }
    }
}
