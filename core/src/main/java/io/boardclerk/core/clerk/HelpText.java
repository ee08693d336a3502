package io.boardclerk.core.clerk;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The grammar, as {@code help} gives it. */
final class HelpText {

    static final String BOARD = """
            **BoardClerk** records apologies, declarations of interest and the action log. Write in your own minute \
            language or in short commands; dates are day first (26/05/2026).

            **Apologies**
            - `Apologies were received from Jon Leigh, Chief Finance Officer; Jane Gifford, Deputy Chief Constable.`
            - `apologies Jon Leigh, JG, the Chief Constable` · your own: `my apologies`
            - `apologies` lists them · `remove apology <name>`

            **Declarations of interest**
            - `There were no declarations of interest.`
            - your own: `declare item 7: I am a trustee of ...` or `I declare a personal interest in item 7 as ...`
            - `Jon Leigh declared a pecuniary interest in item 8 as ...` · `declarations` lists them
            - a kind not stated yet: `interest item 7 personal` (personal, pecuniary, prejudicial or other)

            **Actions** (chair or secretary)
            - `Action: Constabulary to bring a report on Safer Streets to the next Board in May.`
            - `action <text> owner: <person or body> due: <date or meeting> item: <n>`
            - `item 5.7` sets the agenda item; a numbered paragraph (`5.7 The Chief Constable advised ...`) does too
            - `action 12 owner <...>` (several: `owner Constabulary and OPCC`) · `action 12 due <date or meeting>`
            - `owner Constabulary = @Jo Grant, @Louisa Barry`: who answers for a body

            **The action log**
            - `update 12 <text>` (owner, chair or secretary) · `done 12` (owner: complete, awaiting the board)
            - `close 12` · `reopen 12` · `keep 12 open` (chair or secretary, as the board agrees)
            - `review actions`: cards for what is due or overdue · `review 12`, then `Update: ...` lines
            - `action log` · `action log overdue` · `action log owner Constabulary` · `my actions` · `history 12`
            - `export` (Word) · `export csv` · `export json` (chair or secretary): a download link
            - `post action log` (chair or secretary) posts the summary here · `post action log weekly monday` \
            (or `weekly off`; `post action log weekly` shows when)

            **Reminders** (owners get them in a personal chat with BoardClerk)
            - `reminders` shows the board's policy · `reminders status` (chair or secretary): sent, e-mailed, undeliverable, next
            - `reminders 7,0 overdue weekly digest 5 escalate 14` (chair or secretary) · `reminders 3,1,0` · \
            `reminders overdue off` · `reminders digest off` · `reminders zone Europe/Dublin` · `reminders off`

            **Minutes**
            - `draft minutes` (chair or secretary) · `approve minutes 26/05/2026` (chair)
            - `marking OFFICIAL` (or OFFICIAL-SENSITIVE, PROTECT, none)
            - `attendance`: the last Teams meeting's attendance report against the board
            - `quorum 5` · `quorum off` (chair or secretary) · `quorum` shows it
            - `sharepoint folder <address>` (chair or secretary): drafts and action logs are uploaded there \
            (`sharepoint folder` shows it, `sharepoint folder off`) · `upload minutes` · `upload action log`

            **Meetings and the board**
            - `start meeting` · `end meeting` (Teams meetings open and close by themselves)
            - `next meeting 26/05/2026 10:00 at Police Headquarters` or `The next meeting will be held on ...`
            - `calendar claire.dunmore@fenshire.example series "Fenshire Board"` (chair or secretary): finds that Outlook \
            series exactly; press Follow this series to follow it · `calendar` · `calendar sync` · `calendar off`
            - `chair @person` · `secretary @person` · `role @person <title>` · `board name <name>`
            - `Members: Jon Leigh, Chief Finance Officer; ... In attendance: ...` records role titles
            - `link Nina Hart = @Nina Hart` (chair or secretary): someone the minutes named is this person in Teams; \
            their actions, apologies and reminders become theirs
            - `undo` takes back your last recording""";

    static final String PERSONAL = """
            In this personal chat you can send your apologies (`my apologies for the July Board, I'm on leave`), \
            declare an interest (`declare item 7: I am a governor of the school`), report on your actions \
            (`update 12 the report is with legal`, `done 12`, `could I have until the end of June on 12?`) and ask \
            (`my actions`, `what's overdue?`, `when's the next meeting?`). If you sit on several boards, apologies ask \
            which board, and the rest is said in that board's own chat, where `help` shows the full grammar.""";

    /** Words that begin a command: a message starting with one gets that command's lines, not the whole grammar. */
    private static final Set<String> COMMAND_WORDS = Set.of("apologies", "declare", "declarations", "action",
            "update", "done", "close", "reopen", "keep", "review", "history", "export", "post", "reminders",
            "reminder", "draft", "approve", "marking", "attendance", "quorum", "sharepoint", "upload", "start",
            "end", "next", "calendar", "chair", "secretary", "role", "board", "owner", "item", "move", "undo",
            "remove", "my", "link");

    private HelpText() {
    }

    /**
     * What to say to a message that was not understood: when it begins with a command's word ("reminders every so
     * often"), the grammar lines of that command, under their headings; otherwise the whole grammar.
     */
    /**
     * One line of the grammar for a message that begins with a command's word but is not understood ("" when it
     * does not): the first line of {@code help} that shows that command, ending with a line break.
     */
    static String hintFor(String text) {
        String first = text == null ? "" : text.strip().split("[\\s:,.;!?]+", 2)[0].toLowerCase(Locale.ROOT);
        if (!COMMAND_WORDS.contains(first)) {
            return "";
        }
        String key = first.equals("reminder") ? "reminders" : first;
        Pattern mentions = Pattern.compile("`" + Pattern.quote(key) + "\\b", Pattern.CASE_INSENSITIVE);
        for (String line : BOARD.split("\n")) {
            if (line.startsWith("- ") && mentions.matcher(line).find()) {
                return "Say it like this: " + line.substring(2) + "\n";
            }
        }
        return "";
    }
}
