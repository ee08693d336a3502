package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's own apologies as people write them in chat: "sorry all, on leave that week so please send my apologies
 * for the July Board", "can't make the 14th April meeting - clash with the Panel", "apols for next Thursday". The
 * meeting they name is kept as they named it, and their reason as a note, never as a name.
 */
final class ApologyWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    /** Sending apologies: "please send my apologies", "apologies from me", "apols", "I must give my apologies". */
    private static final Pattern SENDING = Pattern.compile("\\b(?:(?:send|sending|accept|give|giving|pass\\s+on"
            + "|record|tender|tendering|offer|extend|note)\\s+(?:(?:my|our)\\s+)?(?:apolog(?:y|ies)|apols)"
            + "|(?:my|our)\\s+(?:apolog(?:y|ies)|apols)|apolog(?:y|ies)\\s+from\\s+me|apols\\b|i\\s+(?:must\\s+)?"
            + "(?:send|give|offer|tender)\\s+(?:my\\s+)?apologies|^\\s*(?:apolog(?:y|ies)|apols)\\b)", I);
    /** Being absent: "can't make it", "won't be able to attend", "unable to join", "will miss". */
    private static final Pattern ABSENT = Pattern.compile("\\b(?:(?:can't|can’t|cannot|can\\s+not|won't|won’t"
            + "|will\\s+not|unable\\s+to|not\\s+able\\s+to|not\\s+going\\s+to\\s+be\\s+able\\s+to|couldn't|shan't)"
            + "\\s+(?:be\\s+able\\s+to\\s+)?(?:attend|make|be\\s+(?:there|at|joining|attending|present|in)|join"
            + "|come|dial\\s+in|get\\s+to)|(?:will|'ll|’ll|going\\s+to)\\s+(?:have\\s+to\\s+)?miss"
            + "|(?:won't|won’t|will\\s+not)\\s+be\\s+(?:there|at|joining|attending|present|with\\s+you)"
            + "|(?:be|am|i'm|i’m)\\s+(?:absent|away\\s+for))\\b", I);
    /** Apologising for something other than absence: "apologies for being late", "sorry, my mic". */
    private static final Pattern NOT_ABSENCE = Pattern.compile("\\bapolog(?:y|ies|ise)\\s+(?:for\\s+(?:being\\s+late"
            + "|the\\s+(?:delay|late|noise|interruption|confusion|typo|echo|background|mix|muddle|duplicate)|that"
            + "|this|joining\\s+late|the\\s+late\\s+\\w+|my\\s+(?!absence)\\w+)|,?\\s*(?:i\\s+was|i'm|i’m)\\s+(?:on"
            + "\\s+mute|muted|late|frozen))", I);
    /** Words of a reason: leave, a clash, illness, travel, another commitment. */
    private static final Pattern REASON = Pattern.compile("\\b(?:leave|holiday|hols|away|abroad|clash(?:es)?|conflict"
            + "|another\\s+(?:meeting|commitment|engagement)|training|conference|course|court|unwell|ill|sick|poorly"
            + "|medical|appointment|hospital|funeral|family|childcare|travel(?:l?ing)?|flight|jury|commitment|diary"
            + "|double[-\\s]booked|engagement|bereavement|wedding|operation|unavailable|panel|committee|inquest"
            + "|on\\s+duty|duty|strike|surgery|school|exam|covid|self[-\\s]isolating|isolating)\\b", I);
    private static final Pattern CLAUSES = Pattern.compile("\\s*(?:[,;:!?()\\n]|\\.(?=\\s|$)|\\s[-–—]\\s|\\s+(?:so|as"
            + "|because|since|but|and)\\s+)\\s*", I);
    private static final Pattern FILLER = Pattern.compile("^(?:hi|hello|morning|afternoon|all|everyone|team|folks"
            + "|sorry|so\\s+sorry|thanks|thank\\s+you|cheers|please|pls|just|fyi|i'm\\s+afraid|afraid|unfortunately"
            + "|regrettably|apologies|x+)(?:\\s+(?:all|everyone|team|folks))?[.!]*$", I);
    private static final Pattern OUTRIGHT = Pattern.compile("\\b(?:send|sending|accept|give|giving|pass\\s+on"
            + "|record|tender|offer|extend)\\s+(?:(?:my|our)\\s+)?apolog|apolog(?:y|ies)\\s+from\\s+me|\\bapols\\b",
            I);
    /** A clause whose subject is the speaker: it ends "I", "I'm afraid I", "we", or a filler such as "sorry". */
    private static final Pattern SUBJECT_ME = Pattern.compile("(?:^|\\s)(?:i|we|i'm\\s+afraid\\s+i|afraid\\s+i"
            + "|unfortunately(?:\\s+i)?|sadly(?:\\s+i)?|sorry(?:\\s+but)?(?:\\s+i)?|so\\s+i|really|just"
            + "|probably|definitely)$", I);
    private static final Pattern TRAILING_NOTE = Pattern.compile("^(.*?)\\s*\\(([^()]{1,300})\\)\\s*[.!]?$",
            Pattern.DOTALL);

    private ApologyWords() {
    }

    /** The sender's own apologies, or null when the text is not someone sending theirs. */
    static Command read(String text, LocalDate today) {
        boolean sending = SENDING.matcher(text).find();
        Matcher absence = ABSENT.matcher(text);
        boolean absent = absence.find() && saidOfOneself(text, absence.start());
        if (!sending && !absent) {
            return null;
        }
        if (!absent && NOT_ABSENCE.matcher(text).find()) {
            return null;
        }
        MeetingWords.Named named = MeetingWords.find(text, today).orElse(null);
        String note = note(text, named);
        if (!absent && named == null && note == null && !sendingOutright(text)) {
            // "my apologies" alone, with no meeting, reason or absence: as likely "excuse me" as absence.
            return null;
        }
        return new Command.OwnApologies(named == null ? null : named.words(), note);
    }

    /** "please send my apologies", "apologies from me": sending apologies, whatever else is said. */
    private static boolean sendingOutright(String text) {
        return OUTRIGHT.matcher(text).find();
    }

    /**
     * "I can't make it", "can't make it, sorry", "Unfortunately I won't be there": said of oneself. Not "Jon can't
     * make it" or "she won't be there": someone else's absence is for the secretary to record.
     */
    private static boolean saidOfOneself(String text, int at) {
        int clause = Math.max(Math.max(text.lastIndexOf(',', at - 1), text.lastIndexOf('.', at - 1)),
                Math.max(text.lastIndexOf('-', at - 1), text.lastIndexOf('\n', at - 1)));
        String before = text.substring(clause + 1, at).strip();
        return before.isEmpty() || SUBJECT_ME.matcher(before).find();
    }

    /**
     * The member's reason, in their words: the clauses that give one ("I'm on leave", "clash with the Panel"), or
     * what a trailing parenthesis says. Null for none.
     */
    static String note(String text, MeetingWords.Named named) {
        Matcher bracket = TRAILING_NOTE.matcher(text.strip());
        if (bracket.matches() && !bracket.group(2).isBlank()) {
            return bracket.group(2).strip();
        }
        String rest = named == null ? text : text.substring(0, named.start()) + " " + text.substring(named.end());
        List<String> reasons = new ArrayList<>();
        for (String clause : CLAUSES.split(rest)) {
            String c = clause.strip();
            if (c.isEmpty() || FILLER.matcher(c).matches() || SENDING.matcher(c).find() && !REASON.matcher(
                    SENDING.matcher(c).replaceAll("")).find()) {
                continue;
            }
            if (REASON.matcher(c).find()) {
                reasons.add(c);
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        String note = String.join(", ", reasons).replaceAll("[.!\\s]+$", "");
        return note.length() > 300 ? note.substring(0, 300).strip() + "…" : note;
    }

    /** A trailing "(reason)" split from the words before it: [words, reason], the reason null when there is none. */
    static String[] splitNote(String words) {
        if (words == null) {
            return new String[]{null, null};
        }
        Matcher m = TRAILING_NOTE.matcher(words.strip());
        if (m.matches()) {
            String before = m.group(1).strip();
            return new String[]{before.isEmpty() ? null : before, m.group(2).strip()};
        }
        return new String[]{words.strip(), null};
    }

    static boolean mentionsAbsence(String text) {
        return ABSENT.matcher(text).find() || SENDING.matcher(text).find();
    }
}
