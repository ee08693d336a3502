package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Questions as people ask them: "what have I got outstanding?", "what's overdue?", "when's the next meeting?",
 * "who's sent apologies?", "did I declare anything last time?". Each gets the answer the matching command gives.
 */
final class QuestionWords {

    private record Question(Pattern pattern, Supplier<Command> answer) {
    }

    private static final int I = Pattern.CASE_INSENSITIVE;

    private static final List<Question> QUESTIONS = List.of(
            q("what(?:'s|’s|\\s+is|\\s+have|\\s+has)?\\s+(?:i|i've|i’ve)?\\s*got\\s+(?:outstanding|open|left|to\\s+do|on)"
                    + "|what\\s+(?:actions\\s+)?(?:do|have)\\s+i\\s+(?:got|have|own|still\\s+(?:have|own|got))"
                    + "|(?:show\\s+|list\\s+)?my\\s+(?:outstanding|open|overdue)\\s+actions"
                    + "|what(?:'s|’s|\\s+is)\\s+(?:on\\s+my\\s+plate|outstanding\\s+for\\s+me|left\\s+for\\s+me)"
                    + "|(?:have|do)\\s+i\\s+(?:got|have)\\s+any(?:thing)?\\s+(?:actions\\s+)?(?:outstanding|open|overdue)"
                    + "|any\\s+actions\\s+for\\s+me|which\\s+actions\\s+(?:are|do)\\s+(?:mine|i\\s+own)"
                    + "|what\\s+am\\s+i\\s+(?:down|on\\s+the\\s+hook)\\s+for", Command.MyActions::new),
            q("what(?:'s|’s|\\s+is|\\s+are)\\s+(?:still\\s+)?(?:overdue|late|behind)|(?:which|what)\\s+actions\\s+are"
                    + "\\s+(?:overdue|late|behind)|any(?:thing)?\\s+(?:actions\\s+)?overdue|(?:show\\s+)?(?:the\\s+)?"
                    + "overdue\\s+(?:ones|actions|items)|what\\s+has\\s+slipped", () -> new Command.ActionLog(true, null)),
            q("when(?:'s|’s|\\s+is|\\s+are)\\s+(?:the\\s+|our\\s+)?next\\s+(?:meeting|board|one|mtg)"
                    + "|when\\s+do\\s+we\\s+(?:next\\s+)?meet(?:\\s+next)?|(?:date|day)\\s+of\\s+(?:the\\s+)?next\\s+"
                    + "(?:meeting|board)|next\\s+meeting\\s+(?:date|when)|when\\s+(?:is|are)\\s+we\\s+meeting\\s+next",
                    Command.WhenNextMeeting::new),
            q("who(?:'s|’s|\\s+has|\\s+have)\\s+(?:sent|given|put\\s+in)\\s+(?:their\\s+|any\\s+)?apologies"
                    + "|(?:any|what)\\s+apologies(?:\\s+(?:so\\s+far|today|received|for\\s+today))?"
                    + "|who(?:'s|’s|\\s+is)\\s+(?:not\\s+coming|absent|missing|away|sent\\s+apologies)"
                    + "|who\\s+sent\\s+apologies|apologies\\s+so\\s+far|have\\s+we\\s+had\\s+(?:any\\s+)?apologies",
                    Command.ListApologies::new),
            q("did\\s+i\\s+(?:declare|make\\s+a\\s+declaration)(?:\\s+anything|\\s+an\\s+interest)?(?:\\s+(?:last\\s+time"
                    + "|at\\s+the\\s+last\\s+(?:meeting|board)|last\\s+(?:meeting|month)))?|what\\s+did\\s+i\\s+declare"
                    + "(?:\\s+last\\s+time)?|(?:show\\s+)?my\\s+declarations", Command.MyDeclarations::new),
            q("(?:can\\s+(?:i|we)\\s+(?:see|have)|show\\s+(?:me|us))\\s+(?:the\\s+)?action\\s+log"
                    + "|where(?:'s|’s|\\s+is)\\s+the\\s+action\\s+log", Command.ActionLog::new),
            q("who\\s+(?:declared|has\\s+declared)(?:\\s+(?:anything|an\\s+interest|interests))?(?:\\s+today)?"
                    + "|any\\s+declarations(?:\\s+(?:today|so\\s+far))?", Command.ListDeclarations::new),
            q("what\\s+can\\s+you\\s+do|how\\s+do\\s+i\\s+(?:use\\s+(?:you|this|boardclerk)|send\\s+(?:my\\s+)?apologies"
                    + "|declare(?:\\s+an\\s+interest)?|update\\s+an\\s+action)|help\\s+me", Command.Help::new));

    private static final Pattern FILLER = Pattern.compile("^(?:(?:hi|hello|hey|morning|please|pls|quick\\s+q(?:uestion)?"
            + "|sorry|just\\s+checking|boardclerk|bot|can\\s+you\\s+tell\\s+me|could\\s+you\\s+tell\\s+me|do\\s+you"
            + "\\s+know)[,:!.\\s-]*)+", I);

    private QuestionWords() {
    }

    private static Question q(String pattern, Supplier<Command> answer) {
        return new Question(Pattern.compile("^(?:" + pattern + ")\\b.*$", I | Pattern.DOTALL), answer);
    }

    /** The command that answers the question, or null when the text is not a question BoardClerk answers. */
    static Command read(String text) {
        String asked = FILLER.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceFirst("").strip();
        if (asked.length() > 160) {
            return null;
        }
        for (Question question : QUESTIONS) {
            if (question.pattern().matcher(asked).matches()) {
                return question.answer().get();
            }
        }
        return null;
    }
}
