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
 * meeting they name is kept as they named it, and their reason as a note, never as a name. Someone else's absence
 * ("Tom sends his apologies") is not the sender's.
 */
final class ApologyWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    /** "apologies", as typed in a hurry too: "apologeis", "appologies", "apols", "apologys". */
    static final String APOLOGY = "(?:a+p+o+l+o+g+(?:y|ies|eis|ys|ise|ize)|apols|apol)";
    /** Sending apologies: "please send my apologies", "apologies from me", "put me down as an apology". */
    private static final Pattern SENDING = Pattern.compile("\\b(?:(?:send|sending|accept|give|giving|pass\\s+on"
            + "|record|tender|tendering|offer|extend|note|log)\\s+(?:(?:my|our)\\s+)?" + APOLOGY
            + "|(?:my|our)\\s+" + APOLOGY + "|" + APOLOGY + "\\s+from\\s+me\\b|i\\s+(?:must\\s+)?(?:send|give|offer"
            + "|tender)\\s+(?:my\\s+)?" + APOLOGY + "|(?:put|mark|record|note|have)\\s+me\\s+(?:down\\s+)?(?:as\\s+)?"
            + "(?:an?\\s+)?" + APOLOGY + ")|^\\s*(?:[a-z]+\\s+here\\s*[-,–:]\\s*)?" + APOLOGY + "(?=\\s*(?:$|[,.;:!–—-]"
            + "|\\s+(?:for|from\\s+me|again|all|everyone|please|pls|x+|today|tomorrow|sorry|in\\s+advance|\\d)\\b"
            + "|\\s+\\d))"
            + "|(?:^|[,.;!–—-]\\s*)" + APOLOGY + "(?:\\s+(?:please|pls|all|everyone|again))?[\\s.!]*$", I);
    /** Being absent: "can't make it", "won't be able to attend", "unable to join", "will miss", "I'm out". */
    private static final Pattern ABSENT = Pattern.compile("\\b(?:(?:can't|can’t|cant|cannot|can\\s+not|won't|won’t"
            + "|wont|will\\s+not|unable\\s+to|not\\s+able\\s+to|not\\s+going\\s+to\\s+be\\s+able\\s+to|couldn't"
            + "|shan't)\\s+(?:be\\s+able\\s+to\\s+)?(?:attend|make|do|be\\s+(?:there|at|joining|attending|present|in)"
            + "|join|come|dial\\s+in|get\\s+to)|(?:will|'ll|’ll|going\\s+to)\\s+(?:have\\s+to\\s+)?miss"
            + "|(?:won't|won’t|wont|will\\s+not)\\s+be\\s+(?:there|at|joining|attending|present|with\\s+you|around)"
            + "|(?:be|am|i'm|i’m|im)\\s+(?:absent|out|away)\\b)", I);
    /** Apologising for something other than absence: being late, leaving early, a muted microphone. */
    private static final Pattern NOT_ABSENCE = Pattern.compile("\\b" + APOLOGY + "(?:\\s+for\\s+(?:being\\s+late"
            + "|the\\s+(?:delay|late|noise|interruption|confusion|typo|echo|background|mix|muddle|duplicate)|that"
            + "|this|joining\\s+late|the\\s+late\\s+\\w+|my\\s+(?!absence)\\w+)|\\s*,?\\s*(?:i\\s+was|i'm|i’m)\\s+(?:on"
            + "\\s+mute|muted|late|frozen))|\\b(?:drop\\s+off|leave\\s+early|leaving\\s+early|have\\s+to\\s+(?:leave"
            + "|go|step\\s+out)|need\\s+to\\s+(?:leave|go|step\\s+out)|step\\s+out|join(?:ing)?\\s+late"
            + "|be\\s+(?:a\\s+(?:few|couple\\s+of)\\s+minutes\\s+)?late|running\\s+late"
            + "|wrong\\s+(?:chat|window|thread|group|meeting))\\b", I);
    /** The words that say one will be absent, taken out of the reason (being away or out is kept: it is one). */
    private static final Pattern ABSENT_VERB = Pattern.compile("\\b(?:(?:can't|can’t|cant|cannot|can\\s+not|won't"
            + "|won’t|wont|will\\s+not|unable\\s+to|not\\s+able\\s+to|couldn't|shan't)\\s+(?:be\\s+able\\s+to\\s+)?"
            + "(?:attend|make(?:\\s+it)?|do|be\\s+(?:there|at|joining|attending|present|in)|join|come|dial\\s+in"
            + "|get\\s+to)|(?:will|'ll|’ll|going\\s+to)\\s+(?:have\\s+to\\s+)?miss)\\b", I);
    /** Another person's absence: "Tom sends his apologies", "apologies from the DCC, she's on leave". */
    private static final Pattern SOMEONE_ELSE = Pattern.compile("\\b" + APOLOGY + "\\s+from\\s+(?!me\\b)\\S"
            + "|\\b(?:sends|has\\s+sent|sent|gives|passes\\s+on|asked\\s+me\\s+to\\s+send)\\s+(?:his|her|their)\\s+"
            + APOLOGY + "|\\b(?:he|she|they)(?:'s|’s|\\s+is|\\s+are|'ll|\\s+will|\\s+won't|\\s+can't)\\b", I);
    /** "apologies from Lucy for June": a name after "from", perhaps the sender's own. */
    private static final Pattern FROM_NAME = Pattern.compile("^\\s*" + APOLOGY + "\\s+from\\s+([A-Z][\\p{L}'’-]+"
            + "(?:\\s+[A-Z][\\p{L}'’-]+){0,2})\\b(.*)$", Pattern.DOTALL);
    /** "Helen Marsh sends apologies for the 15th April": a name, then its apologies. */
    private static final Pattern NAMED_SENDER = Pattern.compile("^((?:[A-Z][\\p{L}'’-]+\\s+){0,3}[A-Z][\\p{L}'’-]+)\\s+"
            + "(?:sends|has\\s+sent|sent|gives|offers)\\s+(?:(?:his|her|their)\\s+)?" + APOLOGY + "\\b(.*)$",
            Pattern.DOTALL);
    private static final Pattern CLAUSES = Pattern.compile("\\s*(?:[,;:!?()\\n]|\\.(?=\\s|$)|…|\\s[-–—]\\s|\\s+(?:so"
            + "|as|because|since|but)\\s+)\\s*", I);
    /** What a clause holds that is not the reason: greetings, apologising, pleasantries. */
    private static final Pattern NOT_REASON = Pattern.compile("\\b(?:hi|hello|morning|afternoon|all|everyone|team"
            + "|folks|sorry|sry|so|thanks|thank\\s+you|cheers|please|pls|just|fyi|i'm\\s+afraid|afraid|unfortunately"
            + "|regrettably|x+|here|again|for|the|meeting|board|one|i|im|i'm|that|can\\s+you|could\\s+you|can"
            + "|could|you|mine|me|my|an?|as|record|put|down|do|won't|wont|cant|can't|make|it|be|there|attend"
            + "|today|and|i'll|i’ll|will|please|" + APOLOGY + ")\\b", I);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]{2,}");
    private static final Pattern TRAILING_NOTE = Pattern.compile("^(.*?)\\s*\\(([^()]{1,300})\\)\\s*[.!]?$",
            Pattern.DOTALL);

    private ApologyWords() {
    }

    /** The sender's own apologies, or null when the text is not someone sending theirs. */
    static Command read(String text, LocalDate today) {
        Matcher named = NAMED_SENDER.matcher(text.strip());
        if (!named.matches()) {
            named = FROM_NAME.matcher(text.strip());
        }
        if (named.matches()) {
            // Possibly the sender in the third person; the clerk knows who is speaking.
            MeetingWords.Named meeting = MeetingWords.find(named.group(2), today).orElse(null);
            return new Command.ApologiesSentBy(named.group(1), meeting == null ? null : meeting.words(),
                    note(named.group(2), meeting));
        }
        boolean sending = SENDING.matcher(text).find();
        Matcher absence = ABSENT.matcher(text);
        boolean absent = absence.find() && saidOfOneself(text, absence.start());
        if (!sending && !absent || SOMEONE_ELSE.matcher(text).find() || NOT_ABSENCE.matcher(text).find()) {
            return null;
        }
        List<MeetingWords.Named> meetings = MeetingWords.findAll(text, today);
        String note = note(text, meetings.isEmpty() ? null : meetings.get(0));
        if (!absent && meetings.isEmpty() && note == null && !sendingOutright(text)) {
            // "my apologies" alone, with no meeting, reason or absence: as likely "excuse me" as absence.
            return null;
        }
        String meetingWords = meetings.isEmpty() ? null : text.substring(meetings.get(0).start(),
                meetings.get(meetings.size() - 1).end());
        return new Command.OwnApologies(meetingWords, note);
    }

    /** "please send my apologies", "apologies from me", "apologies." at the end: sending them outright. */
    private static boolean sendingOutright(String text) {
        return SENDING.matcher(text).find() && !text.strip().matches("(?is)^(?:my\\s+)?" + APOLOGY + "[\\s,.!]*$");
    }

    /**
     * "I can't make it", "can't make it, sorry", "I'm on a course so won't be at the Board": said of oneself. Not
     * "Jon can't make it" or "she won't be there": someone else's absence is for the secretary to record.
     */
    private static boolean saidOfOneself(String text, int at) {
        String before = text.substring(0, at).strip();
        return !before.matches("(?s).*\\b[A-Z][a-z]+$") || before.matches("(?s).*\\b(?:I|Im|I'm|Sorry|Afraid|So"
                + "|Unfortunately|Sadly|Hi|Hello|Really|Just)$");
    }

    /**
     * The member's reason, in their own words: what the message says besides sending apologies and naming the
     * meeting ("I'm on leave", "clash with the Panel", "Home Office visit that day"), or what a trailing parenthesis
     * says. Null for none.
     */
    static String note(String text, MeetingWords.Named named) {
        Matcher bracket = TRAILING_NOTE.matcher(text.strip());
        if (bracket.matches() && !bracket.group(2).isBlank()) {
            return bracket.group(2).strip();
        }
        String rest = named == null ? text : text.substring(0, named.start()) + " , " + text.substring(named.end());
        rest = SENDING.matcher(rest).replaceAll(" , ");
        rest = ABSENT_VERB.matcher(rest).replaceAll(" , ");
        for (MeetingWords.Named other : MeetingWords.findAll(rest, LocalDate.of(2000, 1, 1))) {
            if (other.kind() != MeetingWords.Kind.SPAN) {
                rest = rest.replace(other.words(), " , ");
            }
        }
        List<String> reasons = new ArrayList<>();
        for (String clause : CLAUSES.split(rest)) {
            String c = clause.strip().replaceAll("^[-–—,.\\s]+|[-–—,.\\s]+$", "");
            if (WORD.matcher(NOT_REASON.matcher(c).replaceAll(" ")).find()) {
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
}
