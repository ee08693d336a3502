package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions as people ask them: "what have I got outstanding?", "what's overdue?", "when's the next meeting?",
 * "who's sent apologies?", "did I declare anything last time?", "what's the latest on 8?". Each gets the answer the
 * matching command gives.
 */
final class QuestionWords {

    private record Question(Pattern pattern, Function<Matcher, Command> answer) {
    }

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final String N = "(?:action\\s+|no\\.?\\s*|number\\s+|#)?(\\d{1,4})";
    /** Where a question's meeting words begin: "for Thursday", "on the 11th", "at the February Board". */
    private static final String MEETING = "(?:\\s+(?:for|on|at|from|in)\\s+(.{2,60}?))?";

    private static final List<Question> QUESTIONS = List.of(
            q("what(?:'s|’s|\\s+is)\\s+(?:the\\s+)?(?:latest|news|update|happening|the\\s+story)\\s+(?:on|with|re)\\s+"
                    + N + "|where\\s+are\\s+we\\s+(?:up\\s+to\\s+)?(?:with|on)\\s+" + N
                    + "|what(?:'s|’s|\\s+is|\\s+was)\\s+action\\s+(\\d{1,4})(?:\\s+(?:again|about))?"
                    + "|(?:can\\s+i\\s+)?(?:just\\s+)?check\\s+(?:that\\s+)?" + N + "\\s+is\\s+mine|is\\s+" + N
                    + "\\s+mine", m -> new Command.History(Integer.parseInt(firstOf(m)))),
            q("what(?:'s|’s|\\s+is|\\s+have|\\s+has)?\\s+(?:i|i've|i’ve)?\\s*got\\s+(?:outstanding|open|left|to\\s+do|on)"
                    + "|what\\s+(?:actions\\s+)?(?:do|have)\\s+i\\s+(?:got|have|own|still\\s+(?:have|own|got))"
                    + "|(?:show\\s+|list\\s+)?my\\s+(?:outstanding|open|overdue)\\s+actions"
                    + "|what(?:'s|’s|\\s+is)\\s+(?:on\\s+my\\s+plate|outstanding\\s+for\\s+me|left\\s+for\\s+me"
                    + "|overdue\\s+(?:on\\s+my\\s+list|for\\s+me|of\\s+mine))"
                    + "|(?:have|do)\\s+i\\s+(?:got|have)\\s+any(?:thing)?\\s+(?:actions\\s+)?(?:outstanding|open|overdue)"
                    + "|any\\s+actions\\s+for\\s+me|which\\s+actions\\s+(?:are|do)\\s+(?:mine|i\\s+own)"
                    + "|what\\s+am\\s+i\\s+(?:down|on\\s+the\\s+hook)\\s+for", m -> new Command.MyActions()),
            q("what(?:'s|’s|\\s+has)\\s+(?:the\\s+)?(.{2,40}?)\\s+got\\s+(?:outstanding|open|on)|what\\s+(?:actions\\s+)?"
                    + "(?:does|has)\\s+(?:the\\s+)?(.{2,40}?)\\s+(?:got|have|own)",
                    m -> new Command.ActionLog(false, firstOf(m))),
            q("what(?:'s|’s|\\s+is|\\s+are)\\s+(?:still\\s+)?(?:overdue|late|behind)|(?:which|what)\\s+actions\\s+are"
                    + "\\s+(?:overdue|late|behind)|any(?:thing)?\\s+(?:actions\\s+)?overdue|(?:show\\s+)?(?:the\\s+)?"
                    + "overdue\\s+(?:ones|actions|items)|what\\s+has\\s+slipped", m -> new Command.ActionLog(true, null)),
            q("what(?:'s|’s|\\s+is|\\s+are)\\s+(?:coming\\s+)?due(?:\\s+(?:at|for|by)\\s+.{2,60})?"
                    + "|which\\s+actions\\s+are\\s+due(?:\\s+.{2,60})?", m -> new Command.ActionLog()),
            q("when(?:'s|’s|\\s+is|\\s+are)\\s+(?:the\\s+|our\\s+)?next\\s+(?:meeting|board|one|mtg)"
                    + "|when\\s+do\\s+we\\s+(?:next\\s+)?meet(?:\\s+next)?|(?:date|day)\\s+of\\s+(?:the\\s+)?next\\s+"
                    + "(?:meeting|board)|next\\s+meeting\\s+(?:date|when)|when\\s+(?:is|are)\\s+we\\s+meeting\\s+next",
                    m -> new Command.WhenNextMeeting()),
            q("when(?:'s|’s|\\s+is)\\s+(?:the\\s+)?(.{2,40}?\\s+(?:board|meeting|one))",
                    m -> new Command.WhenNextMeeting(m.group(1))),
            q("who(?:'s|’s|\\s+has|\\s+have)?\\s+(?:sent|given|put\\s+in)\\s+(?:their\\s+|any\\s+)?apologies" + MEETING
                    + "|(?:any|what)\\s+apologies(?:\\s+(?:so\\s+far|today|received))?" + MEETING
                    + "|who(?:'s|’s|\\s+is)\\s+(?:not\\s+coming|absent|missing|away|sent\\s+apologies)" + MEETING
                    + "|apologies\\s+so\\s+far|have\\s+we\\s+had\\s+(?:any\\s+)?apologies" + MEETING,
                    m -> new Command.ListApologies(firstOf(m))),
            q("did\\s+i\\s+(?:declare|make\\s+a\\s+declaration)(?:\\s+anything|\\s+an\\s+interest)?(?:\\s+(?:at|for|on|in))?"
                    + "(?:\\s+(.{2,60}))?|what\\s+did\\s+i\\s+declare(?:\\s+(?:at|for|on|in))?(?:\\s+(.{2,60}))?"
                    + "|(?:show\\s+)?my\\s+declarations", m -> new Command.MyDeclarations(firstOf(m))),
            q("(?:can\\s+(?:i|we)\\s+(?:see|have)|show\\s+(?:me|us))\\s+(?:the\\s+)?action\\s+log"
                    + "|where(?:'s|’s|\\s+is)\\s+the\\s+action\\s+log", m -> new Command.ActionLog()),
            q("who\\s+(?:declared|has\\s+declared)(?:\\s+(?:anything|an\\s+interest|interests))?(?:\\s+today)?"
                    + "|any\\s+declarations(?:\\s+(?:today|so\\s+far))?", m -> new Command.ListDeclarations()),
            q("what\\s+can\\s+you\\s+do|how\\s+do\\s+i\\s+(?:use\\s+(?:you|this|boardclerk)|send\\s+(?:my\\s+)?apologies"
                    + "|declare(?:\\s+an\\s+interest)?|update\\s+an\\s+action)|help\\s+me", m -> new Command.Help()));

    private static final Pattern FILLER = Pattern.compile("^(?:(?:hi|hello|hey|morning|please|pls|quick\\s+q(?:uestion)?"
            + "|sorry|just\\s+checking|boardclerk|bot|can\\s+you\\s+tell\\s+me|could\\s+you\\s+tell\\s+me|do\\s+you"
            + "\\s+know|remind\\s+me)[,:!.\\s-]*)+", I);

    private QuestionWords() {
    }

    private static Question q(String pattern, Function<Matcher, Command> answer) {
        return new Question(Pattern.compile("^(?:" + pattern + ")[\\s?.!]*$", I | Pattern.DOTALL), answer);
    }

    private static String firstOf(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null && !m.group(g).isBlank()) {
                return m.group(g).strip();
            }
        }
        return null;
    }

    /** The command that answers the question, or null when the text is not a question BoardClerk answers. */
    static Command read(String text) {
        String asked = FILLER.matcher(text.strip()).replaceFirst("").strip();
        if (asked.length() > 160) {
            return null;
        }
        for (Question question : QUESTIONS) {
            Matcher m = question.pattern().matcher(asked);
            if (m.matches()) {
                return question.answer().apply(m);
            }
        }
        return null;
    }
}
