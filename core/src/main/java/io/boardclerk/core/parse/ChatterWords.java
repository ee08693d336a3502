package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chat that is not for the record: thanks, greetings, screen-sharing chatter, "I'll pick that up", remarks about the
 * meeting. It records nothing, and gets a reply only when BoardClerk is addressed.
 */
final class ChatterWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final Pattern THANKS = Pattern.compile("^(?:(?:many\\s+|great,?\\s+|ok,?\\s+|brilliant,?\\s+)?"
            + "(?:thanks|thank\\s+you|thx|ta|cheers|much\\s+appreciated|nice\\s+one|perfect|great|brilliant|lovely"
            + "|good\\s+bot))(?:\\s+(?:all|everyone|boardclerk|bot|so\\s+much|very\\s+much|again|for\\s+(?:that|this"
            + "|the\\s+\\w+)))*[\\s!.:)👍🙏]*$", I);
    private static final Pattern SOCIAL = Pattern.compile("^(?:hi|hello|hey|morning|good\\s+(?:morning|afternoon"
            + "|evening)|afternoon|evening|bye|goodbye|see\\s+you|speak\\s+soon|brb|back\\s+now|ok|okay|k|yes|no|yep"
            + "|nope|sure|agreed|noted|will\\s+do|lol|haha|\\+1|👍|🙂|:\\)|ignore\\s+(?:that|this|me|the\\s+above)"
            + "|never\\s*mind|nvm|sorry,?\\s+wrong\\s+(?:chat|window|thread)|wrong\\s+chat|disregard(?:\\s+that)?)(?:\\s+(?:all|everyone|team|folks|boardclerk"
            + "|bot))?[\\s!.,]*$", I);
    private static final Pattern MEETING_TALK = Pattern.compile("\\b(?:screen|share|sharing|mute|muted|unmute|mic"
            + "|camera|audio|sound|hear\\s+(?:me|you)|see\\s+(?:my|the)\\s+screen|slides?|link|connection|wifi"
            + "|internet|frozen|dropped|lag|echo|teams\\s+(?:is|has)|bear\\s+with|one\\s+moment|two\\s+minutes"
            + "|coffee|break|lunch|running\\s+late|on\\s+my\\s+way|joining\\s+(?:now|late|shortly)|apologies\\s+for"
            + "\\s+(?:being\\s+)?late|sorry\\s+(?:i'm|i\\s+am|for\\s+being)\\s+late)\\b", I);
    private static final Pattern VOLUNTEER = Pattern.compile("^(?:i'll|i’ll|i\\s+will|i\\s+can|happy\\s+to|leave\\s+it"
            + "\\s+with\\s+me|will\\s+do|on\\s+it|i'm\\s+on\\s+it)\\b", I);
    private static final Pattern REMARK = Pattern.compile("^(?:the\\s+action\\s+log|this|that|it|looks|good|great"
            + "|interesting|agree|i\\s+agree|fair\\s+point|good\\s+point|well\\s+done|congrat)", I);

    private ChatterWords() {
    }

    /** Chat not for the record, or null when the text may be something else. */
    static Command read(String text) {
        String t = text.strip();
        if (t.length() > 280) {
            return null;
        }
        if (THANKS.matcher(t).matches()) {
            return new Command.Chatter(Command.Chatter.Kind.THANKS);
        }
        if (SOCIAL.matcher(t).matches()) {
            return new Command.Chatter(Command.Chatter.Kind.SOCIAL);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (MEETING_TALK.matcher(lower).find() || VOLUNTEER.matcher(lower).find() || REMARK.matcher(lower).find()) {
            return new Command.Chatter(Command.Chatter.Kind.REMARK);
        }
        return null;
    }
}
