package io.boardclerk.storage.corpus;

import io.boardclerk.storage.corpus.RecordSnapshot.Change;
import io.boardclerk.storage.corpus.RecordSnapshot.Row;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sets what a message put on the record, and what the clerk said back, against what the corpus expects of it.
 * Every expected record must be found among the changes, and every change must be one that was expected: a change
 * nobody expected is a wrong record, the worst outcome; an expected record that is missing is unmet.
 */
final class Judge {

    enum Verdict { UNDERSTOOD, ASKED, NOTHING, WRONG, UNMET }

    record Outcome(Verdict verdict, String got) {
    }

    /** A reply flattened to text: the markdown, then each card as its record's text; and whether any card asks. */
    record Said(boolean replied, String text, boolean asks, int lines) {
        static final Said SILENCE = new Said(false, "", false, 0);
    }

    /** Replies longer than this many lines to chat are not the "short reply" chat deserves. */
    static final int SHORT_REPLY_LINES = 3;

    private final String worldMeeting;

    /** @param worldMeeting the meeting declarations are made on when none is named (YYYY-MM-DD) */
    Judge(String worldMeeting) {
        this.worldMeeting = worldMeeting;
    }

    Outcome judge(CorpusCase corpusCase, List<Change> changes, Said said) {
        Expectation first = corpusCase.expectations().get(0);
        if (!first.isRecord()) {
            if (!changes.isEmpty()) {
                return new Outcome(Verdict.WRONG, "recorded " + describe(changes));
            }
            return outcome(corpusCase, first, said);
        }
        Set<Change> claimed = new HashSet<>();
        List<String> unmet = new ArrayList<>();
        for (Expectation expectation : corpusCase.expectations()) {
            String missing = claim(expectation, changes, claimed);
            if (missing != null) {
                unmet.add(missing);
            }
        }
        List<Change> unexpected = changes.stream().filter(c -> !claimed.contains(c)).toList();
        if (!unexpected.isEmpty()) {
            return new Outcome(Verdict.WRONG, "recorded " + describe(unexpected)
                    + (unmet.isEmpty() ? "" : "; missing " + String.join("; ", unmet)));
        }
        if (!unmet.isEmpty()) {
            return new Outcome(Verdict.UNMET, "missing " + String.join("; ", unmet)
                    + (changes.isEmpty() ? "; " + reply(said) : ""));
        }
        return new Outcome(Verdict.UNDERSTOOD, describe(changes));
    }

    private static Outcome outcome(CorpusCase corpusCase, Expectation expected, Said said) {
        if (expected instanceof Expectation.Asked) {
            return said.asks() ? new Outcome(Verdict.ASKED, "asked")
                    : new Outcome(Verdict.UNMET, "no question card; " + reply(said));
        }
        if (expected instanceof Expectation.Answer answer) {
            return said.text().toLowerCase(Locale.ROOT).contains(answer.words().toLowerCase(Locale.ROOT))
                    ? new Outcome(Verdict.UNDERSTOOD, "answered")
                    : new Outcome(Verdict.UNMET, "answer lacks \"" + answer.words() + "\"; " + reply(said));
        }
        if (!corpusCase.addressed()) {
            return said.replied() ? new Outcome(Verdict.UNMET, "not addressed, yet " + reply(said))
                    : new Outcome(Verdict.NOTHING, "silence");
        }
        if (said.asks()) {
            return new Outcome(Verdict.UNMET, "asked a question about chat; " + reply(said));
        }
        return said.lines() <= SHORT_REPLY_LINES ? new Outcome(Verdict.NOTHING, "short reply")
                : new Outcome(Verdict.UNMET, "a " + said.lines() + "-line reply to chat; " + reply(said));
    }

    /** Claims the changes that make up {@code expectation}; null when found, else what is missing. */
    private String claim(Expectation expectation, List<Change> changes, Set<Change> claimed) {
        if (expectation instanceof Expectation.Apology a) {
            Change apology = find(changes, claimed, "apologies", row -> person(row, a.name())
                    && a.date().equals(row.get("meeting")) && noteFits(row, a.note()));
            if (apology == null) {
                return a.written();
            }
            claimed.add(apology);
            claimTitleLearnt(changes, claimed, apology.after().get("person"));
            return a.note() != null && apology.after().get("note") == null
                    ? a.written() + " (recorded without its note)" : null;
        }
        if (expectation instanceof Expectation.AwaitedApology a) {
            Change awaited = find(changes, claimed, "awaited_apologies", row -> person(row, a.name())
                    && awaits(row, a.when()) && noteFits(row, a.note()));
            if (awaited == null) {
                return a.written();
            }
            claimed.add(awaited);
            return a.note() != null && awaited.after().get("note") == null
                    ? a.written() + " (recorded without its note)" : null;
        }
        if (expectation instanceof Expectation.Declaration d) {
            return single(changes, claimed, "declarations", d.written(),
                    row -> person(row, d.name()) && sameItem(d.item(), row.get("item"))
                            && d.kind().equals(row.get("kind")) && contains(row.get("interest"), d.words())
                            && Objects.requireNonNullElse(d.date(), worldMeeting).equals(row.get("meeting")));
        }
        if (expectation instanceof Expectation.NoDeclarations n) {
            return single(changes, claimed, "no_declarations", n.written(),
                    row -> Objects.requireNonNullElse(n.date(), worldMeeting).equals(row.get("meeting")));
        }
        if (expectation instanceof Expectation.Update u) {
            return single(changes, claimed, "action_updates", u.written(),
                    row -> number(row, u.number()) && contains(row.get("text"), u.words()));
        }
        if (expectation instanceof Expectation.MoreTime m) {
            return single(changes, claimed, "action_events", m.written(),
                    row -> number(row, m.number()) && contains(row.get("after"), m.words()));
        }
        if (expectation instanceof Expectation.Done d) {
            Change done = changes.stream().filter(c -> !claimed.contains(c) && c.table().equals("actions")
                    && !c.added() && c.after() != null && number(c.after(), d.number())
                    && "COMPLETE".equals(c.after().get("status"))
                    && !"COMPLETE".equals(c.before().get("status"))
                    && sameApartFrom(c, Set.of("status"))).findFirst().orElse(null);
            if (done == null) {
                return d.written();
            }
            claimed.add(done);
            return null;
        }
        if (expectation instanceof Expectation.NewAction a) {
            Change action = find(changes, claimed, "actions", row -> contains(row.get("text"), a.words())
                    && (a.target() == null || a.target().equals(row.get("target_date")))
                    && (a.raised() == null || a.raised().equals(row.get("meeting")))
                    && ownedBy(changes, row.get("number"), a.owner()));
            if (action == null) {
                return a.written();
            }
            claimed.add(action);
            String number = action.after().get("number");
            changes.stream().filter(c -> c.added() && (c.table().equals("action_owners")
                            || c.table().equals("action_targets")) && number.equals(c.after().get("number")))
                    .forEach(claimed::add);
            return null;
        }
        if (expectation instanceof Expectation.NextMeeting n) {
            Change meeting = find(changes, claimed, "meetings", row -> n.date().equals(row.get("date"))
                    && "SCHEDULED".equals(row.get("status")));
            if (meeting == null) {
                return n.written();
            }
            claimed.add(meeting);
            claimScheduleFollowers(changes, claimed, n.date());
            return null;
        }
        if (expectation instanceof Expectation.Role r) {
            Change role = changes.stream().filter(c -> !claimed.contains(c) && c.table().equals("people")
                    && c.after() != null && person(c.after(), r.name())
                    && contains(c.after().get("title"), r.words())).findFirst().orElse(null);
            if (role == null) {
                return r.written();
            }
            claimed.add(role);
            return null;
        }
        throw new IllegalStateException("not a record expectation: " + expectation.written());
    }

    private interface RowTest {
        boolean test(Row row);
    }

    private static Change find(List<Change> changes, Set<Change> claimed, String table, RowTest test) {
        return changes.stream().filter(c -> !claimed.contains(c) && c.added() && c.table().equals(table)
                && test.test(c.after())).findFirst().orElse(null);
    }

    private static String single(List<Change> changes, Set<Change> claimed, String table, String written,
                                 RowTest test) {
        Change change = find(changes, claimed, table, test);
        if (change == null) {
            return written;
        }
        claimed.add(change);
        return null;
    }

    /**
     * Remembering a title seen in an apology sentence for someone who had none is documented behaviour, not a stray
     * record; overwriting a title they had is not covered.
     */
    private static void claimTitleLearnt(List<Change> changes, Set<Change> claimed, String person) {
        changes.stream().filter(c -> c.table().equals("people") && !c.added() && c.after() != null
                        && c.before().get("title") == null && Objects.equals(c.after().get("name"), person))
                .forEach(claimed::add);
    }

    /**
     * What scheduling a meeting rightly brings with it: targets naming that meeting take its date (new target rows,
     * the action's target columns), and apologies kept for it are attached to it.
     */
    private static void claimScheduleFollowers(List<Change> changes, Set<Change> claimed, String date) {
        for (Change c : changes) {
            boolean follows = switch (c.table()) {
                case "actions" -> !c.added() && c.after() != null
                        && sameApartFrom(c, Set.of("target_date", "target_text", "status"));
                case "action_targets" -> c.added() && date.equals(c.after().get("date"));
                case "apologies" -> c.added() && date.equals(c.after().get("meeting"));
                case "awaited_apologies" -> !c.added() && c.after() != null;
                default -> false;
            };
            if (follows) {
                claimed.add(c);
            }
        }
    }

    private static boolean sameApartFrom(Change change, Set<String> columns) {
        return change.before().columns().entrySet().stream().allMatch(e -> columns.contains(e.getKey())
                || Objects.equals(e.getValue(), change.after().get(e.getKey())));
    }

    private static boolean ownedBy(List<Change> changes, String number, String owner) {
        return changes.stream().anyMatch(c -> c.added() && c.table().equals("action_owners")
                && number.equals(c.after().get("number")) && person(c.after(), owner));
    }

    private static boolean person(Row row, String name) {
        return name.equalsIgnoreCase(Objects.requireNonNullElse(row.get("person"), "").strip())
                || name.equalsIgnoreCase(Objects.requireNonNullElse(row.get("name"), "").strip());
    }

    private static boolean number(Row row, int number) {
        return String.valueOf(number).equals(row.get("number"));
    }

    private static boolean awaits(Row row, String when) {
        if (when.length() == 10) {
            return when.equals(row.get("on_date"));
        }
        return when.equals(row.get("in_month"))
                || (row.get("on_date") != null && row.get("on_date").startsWith(when + "-"));
    }

    /** A note fits when none is expected, when the row has none (judged as unmet), or when it holds the words. */
    private static boolean noteFits(Row row, String words) {
        return words == null || row.get("note") == null || contains(row.get("note"), words);
    }

    private static boolean contains(String text, String words) {
        return words == null || (text != null && text.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT)));
    }

    /** "6" is "6.0"; "4.2" is itself. */
    static boolean sameItem(String expected, String actual) {
        return actual != null && trimZero(expected).equalsIgnoreCase(trimZero(actual.strip()));
    }

    private static String trimZero(String item) {
        return item.endsWith(".0") ? item.substring(0, item.length() - 2) : item;
    }

    private static String reply(Said said) {
        if (!said.replied()) {
            return "silence";
        }
        String first = said.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return (said.asks() ? "asked: " : "replied: ") + (first.length() > 140 ? first.substring(0, 140) + "…" : first);
    }

    private static String describe(List<Change> changes) {
        return changes.isEmpty() ? "nothing" : changes.stream().map(Change::toString)
                .collect(Collectors.joining("; "));
    }
}
