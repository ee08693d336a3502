package io.boardclerk.storage.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code conversation.corpus}: blocks separated by blank lines, {@code #} comment lines anywhere. A block is a
 * header ({@code > <speaker> in <board|personal>[, between][, mentions bot]}), the message (every line up to the
 * first {@code = } line) and one or more {@code = } expectation lines. A malformed block fails loudly, with its line.
 */
final class CorpusFile {

    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";
    private static final Pattern HEADER =
            Pattern.compile("> (.+?) in (board|personal)((?:, (?:between|mentions bot))*)\\s*");

    private record Form(Pattern pattern, Function<Matcher, Expectation> make) {
    }

    private static final List<Form> FORMS = List.of(
            form("nothing", m -> new Expectation.Nothing(m.group())),
            form("asked", m -> new Expectation.Asked(m.group())),
            form("answer \"(.+)\"", m -> new Expectation.Answer(m.group(), m.group(1))),
            form("apology (.+?) for " + DATE + "(?: note \"(.+)\")?",
                    m -> new Expectation.Apology(m.group(), m.group(1), m.group(2), m.group(3))),
            form("apology (.+?) awaiting (\\d{4}-\\d{2}(?:-\\d{2})?)(?: note \"(.+)\")?",
                    m -> new Expectation.AwaitedApology(m.group(), m.group(1), m.group(2), m.group(3))),
            form("declaration (.+?) item (\\S+) (personal|pecuniary|prejudicial|other|not stated)"
                            + "(?: \"(.+?)\")?(?: for " + DATE + ")?",
                    m -> new Expectation.Declaration(m.group(), m.group(1), m.group(2),
                            m.group(3).toUpperCase().replace(' ', '_'), m.group(4), m.group(5))),
            form("no declarations(?: for " + DATE + ")?", m -> new Expectation.NoDeclarations(m.group(), m.group(1))),
            form("update (\\d+) \"(.+)\"",
                    m -> new Expectation.Update(m.group(), Integer.parseInt(m.group(1)), m.group(2))),
            form("done (\\d+)", m -> new Expectation.Done(m.group(), Integer.parseInt(m.group(1)))),
            form("more time (\\d+) \"(.+)\"",
                    m -> new Expectation.MoreTime(m.group(), Integer.parseInt(m.group(1)), m.group(2))),
            form("action \"(.+?)\" owner (.+?)(?: target " + DATE + ")?(?: raised " + DATE + ")?",
                    m -> new Expectation.NewAction(m.group(), m.group(1), m.group(2), m.group(3), m.group(4))),
            form("next meeting " + DATE, m -> new Expectation.NextMeeting(m.group(), m.group(1))),
            form("role (.+?) \"(.+)\"", m -> new Expectation.Role(m.group(), m.group(1), m.group(2))));

    private static Form form(String regex, Function<Matcher, Expectation> make) {
        return new Form(Pattern.compile(regex), make);
    }

    private CorpusFile() {
    }

    static List<CorpusCase> parse(String text) {
        List<CorpusCase> cases = new ArrayList<>();
        List<String> lines = text.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            int headerLine = i + 1;
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                throw new IllegalArgumentException("corpus line " + headerLine + ": expected a header"
                        + " '> <speaker> in <board|personal>[, between][, mentions bot]', got: " + line);
            }
            i++;
            List<String> message = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("= ")) {
                if (lines.get(i).isBlank()) {
                    throw new IllegalArgumentException("corpus line " + (i + 1) + ": blank line inside the block of"
                            + " line " + headerLine + " before any '= ' expectation");
                }
                if (!lines.get(i).startsWith("#")) {
                    message.add(lines.get(i));
                }
                i++;
            }
            List<Expectation> expectations = new ArrayList<>();
            while (i < lines.size() && (lines.get(i).startsWith("= ") || lines.get(i).startsWith("#"))) {
                if (lines.get(i).startsWith("= ")) {
                    expectations.add(expectation(lines.get(i).substring(2).strip(), i + 1));
                }
                i++;
            }
            if (message.isEmpty() || expectations.isEmpty()) {
                throw new IllegalArgumentException("corpus line " + headerLine + ": a block needs a message and at"
                        + " least one '= ' expectation");
            }
            boolean outcome = expectations.stream().anyMatch(e -> !e.isRecord());
            if (outcome && expectations.size() > 1) {
                throw new IllegalArgumentException("corpus line " + headerLine + ": 'nothing', 'asked' and"
                        + " 'answer' stand alone");
            }
            String flags = header.group(3);
            cases.add(new CorpusCase(headerLine, header.group(1).strip(), header.group(2).equals("personal"),
                    flags.contains("between"), flags.contains("mentions bot"), String.join("\n", message),
                    expectations));
        }
        return cases;
    }

    private static Expectation expectation(String text, int line) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            if (m.matches()) {
                return form.make().apply(m);
            }
        }
        throw new IllegalArgumentException("corpus line " + line + ": not an expectation: = " + text);
    }
}
