package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.InterestKind;

import java.util.List;
import java.util.regex.Pattern;

import static io.boardclerk.core.parse.GrammarParts.FINAL_STOP;
import static io.boardclerk.core.parse.GrammarParts.I;
import static io.boardclerk.core.parse.GrammarParts.ITEM;
import static io.boardclerk.core.parse.GrammarParts.KIND;
import static io.boardclerk.core.parse.GrammarParts.clean;
import static io.boardclerk.core.parse.GrammarParts.group;

/**
 * Declarations of interest as commands and as the minutes record them: "declare item 7: I am a trustee of the
 * charity", "I wish to declare a pecuniary interest in item 4 as a shareholder in the supplier", "Jon Leigh declared
 * a personal interest in agenda item 5.2, his wife works for the council" (which can begin with anyone's name, so
 * every line tries it), "There were no declarations of interest.", and the kind of one's own declaration said after
 * it ("interest item 6 personal"). Declarations in looser words are
 * {@link DeclarationWords}'.
 */
final class DeclarationGrammar {

    private static final Pattern NO_DECLARATIONS = Pattern.compile("^(?:there\\s+were\\s+)?no\\s+declarations"
            + "(?:\\s+of\\s+interests?)?(?:\\s+(?:were\\s+)?(?:made|received|declared|recorded))?[.!]?$", I);
    private static final Pattern DECLARE_SHORT = Pattern.compile("^declare\\s+(?:an?\\s+)?(?:" + KIND
            + "\\s+)?(?:interest\\s+)?(?:in\\s+)?(?:agenda\\s+)?item\\s+" + ITEM + "\\s*[:,\\-–]?\\s*(.+)$", I);
    private static final Pattern DECLARE_OWN = Pattern.compile("^i\\s+(?:wish\\s+to\\s+|would\\s+like\\s+to\\s+|must\\s+)?"
            + "declare\\s+an?\\s+(?:" + KIND + "\\s+)?interest\\s+in\\s+(?:agenda\\s+)?item\\s+" + ITEM
            + "\\s*(?:,|:|-|–|as|because|since)?\\s*(.+)$", I);
    private static final Pattern DECLARED = Pattern.compile("^(.+?)\\s+declared\\s+an?\\s+(?:" + KIND
            + "\\s+)?interest\\s+in\\s+(?:agenda\\s+)?item\\s+" + ITEM
            + "\\s*(?:,|:|-|–|as|because|since)?\\s*(.+)$", I);
    /** "interest item 6 personal", "my interest in item 6 is pecuniary": the kind of one's declaration, said later. */
    private static final Pattern INTEREST_KIND = Pattern.compile("^(?:my\\s+)?interest\\s+(?:in\\s+|on\\s+)?(?:agenda\\s+)?"
            + "item\\s+" + ITEM + "\\s*(?:is\\s+)?(?:an?\\s+)?" + KIND + "(?:\\s+interest)?[.!]?$", I);
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:,\\-–]+");

    /** The shapes, in the order they are tried. */
    static final List<Shape> SHAPES = List.of(
            Shape.of("there no", (l, c) -> NO_DECLARATIONS.matcher(l).matches() ? new Command.NoDeclarations() : null),
            Shape.of("declare", (l, c) -> group(DECLARE_SHORT, l, m -> declare(null, m.group(1), m.group(2),
                    m.group(3)))),
            Shape.of("i", (l, c) -> group(DECLARE_OWN, l, m -> declare(null, m.group(1), m.group(2), m.group(3)))),
            Shape.anyStart((l, c) -> group(DECLARED, l, m -> declare(m.group(1), m.group(2), m.group(3), m.group(4)))),
            Shape.of("interest my", (l, c) -> group(INTEREST_KIND, l, m -> new Command.SetInterestKind(
                    FINAL_STOP.matcher(m.group(1)).replaceAll(""), InterestKind.fromWord(m.group(2)).orElseThrow()))));

    private DeclarationGrammar() {
    }

    /** A declaration. One that names no kind is kept as {@link InterestKind#NOT_STATED}: the kinds are offered. */
    private static Command declare(String member, String kind, String item, String interest) {
        InterestKind k = InterestKind.fromWord(kind).orElse(InterestKind.NOT_STATED);
        String words = clean(LEADING_SEPARATORS.matcher(interest).replaceFirst(""));
        if (words.isEmpty()) {
            return new Command.Invalid("A declaration needs the interest itself.",
                    "declare item 7: I am a trustee of the charity named in the report");
        }
        return new Command.Declare(member == null ? null : clean(member), FINAL_STOP.matcher(item).replaceAll(""), k, words);
    }
}
