package io.boardclerk.storage.corpus;

import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.parse.ParseContext;
import io.boardclerk.core.roster.RosterMatcher;
import io.boardclerk.storage.SqliteLedgerStore;
import io.boardclerk.storage.corpus.Judge.Outcome;
import io.boardclerk.storage.corpus.Judge.Said;
import io.boardclerk.storage.corpus.Judge.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 13's corpus: realistic messages from members, owners, the chair and the secretary, each run through the real
 * {@link Clerk} on a fresh copy of a real SQLite board, and judged by what it put on the record and what it said.
 * Prints one summary line (and one line per failing case); fails on any wrong recording and on any unmet
 * expectation. See CONTRIBUTING.md, "The conversation corpus".
 */
class ConversationCorpusTest {

    private static List<CorpusCase> cases;
    private static List<CorpusWorld.Said> setup;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws IOException {
        cases = CorpusFile.parse(resource("corpus/conversation.corpus"));
        setup = CorpusWorld.parse(resource("corpus/world.setup"));
    }

    @Test
    void theCorpusIsLargeEnoughAndEverySpeakerSitsOnTheBoard() {
        assertTrue(cases.size() >= 300, "the corpus holds " + cases.size() + " messages, fewer than 300");
        Set<String> board = CorpusWorld.speakers(setup);
        List<String> strangers = cases.stream().map(CorpusCase::speaker).filter(s -> !board.contains(s))
                .distinct().toList();
        assertEquals(List.of(), strangers, "corpus speakers who never speak in world.setup, so are not on the roster");
    }

    @Test
    void everyMessageIsUnderstoodAskedAboutOrLeftAloneAndNoneIsRecordedWrong() throws Exception {
        Map<CorpusWorld.Kind, Path> templates = new EnumMap<>(CorpusWorld.Kind.class);
        Path reports = Files.createDirectories(Path.of("target", "corpus"));
        for (CorpusWorld.Kind kind : CorpusWorld.Kind.values()) {
            Path template = dir.resolve(kind.name().toLowerCase() + ".db");
            String transcript = CorpusWorld.build(template, setup, kind);
            Files.writeString(reports.resolve("world-" + kind.name().toLowerCase() + ".txt"), transcript);
            WorldCheck.check(template, kind);
            templates.put(kind, template);
        }

        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0);
        }
        List<String> failures = new ArrayList<>();
        Map<CorpusWorld.Kind, RecordSnapshot> before = new EnumMap<>(CorpusWorld.Kind.class);
        templates.forEach((kind, template) -> before.put(kind, RecordSnapshot.of(template)));
        int n = 0;
        for (CorpusCase corpusCase : cases) {
            CorpusWorld.Kind kind = corpusCase.between() ? CorpusWorld.Kind.BETWEEN : CorpusWorld.Kind.DURING;
            Path copy = dir.resolve("case-" + (++n) + ".db");
            CorpusWorld.copy(templates.get(kind), copy);
            Outcome outcome = run(corpusCase, kind, copy, before.get(kind), n);
            counts.merge(outcome.verdict(), 1, Integer::sum);
            if (System.getProperty("corpus.verbose") != null) {
                System.out.println(outcome.verdict().name().toLowerCase() + " (line " + corpusCase.line() + ") "
                        + corpusCase.firstLine() + " | " + outcome.got());
            }
            if (outcome.verdict() == Verdict.WRONG || outcome.verdict() == Verdict.UNMET) {
                failures.add(outcome.verdict().name().toLowerCase() + " (line " + corpusCase.line() + ") "
                        + corpusCase.header() + " | " + corpusCase.firstLine() + " | expected: "
                        + String.join("; ", corpusCase.expectations().stream().map(Expectation::written).toList())
                        + " | got: " + outcome.got());
            }
            deleteCopy(copy);
        }

        String summary = "corpus: " + cases.size() + " messages: " + counts.get(Verdict.UNDERSTOOD) + " understood, "
                + counts.get(Verdict.ASKED) + " asked, " + counts.get(Verdict.NOTHING) + " nothing, "
                + counts.get(Verdict.WRONG) + " wrong, " + counts.get(Verdict.UNMET) + " unmet";
        String timing = ParseTiming.measure(cases.stream().map(CorpusCase::message).toList(),
                parseContext(templates.get(CorpusWorld.Kind.DURING))).line();
        StringBuilder report = new StringBuilder(summary).append('\n');
        failures.forEach(f -> report.append(f).append('\n'));
        report.append(timing).append('\n');
        System.out.print(report);
        Files.writeString(reports.resolve("report.txt"), report);
        if (counts.get(Verdict.WRONG) > 0 || counts.get(Verdict.UNMET) > 0) {
            fail(summary + " (each failing case is listed above and in storage/target/corpus/report.txt)");
        }
    }

    private static Outcome run(CorpusCase corpusCase, CorpusWorld.Kind kind, Path copy, RecordSnapshot before,
                               int n) {
        Judge judge = new Judge(CorpusWorld.MEETING.toString());
        Said said;
        try (SqliteLedgerStore store = SqliteLedgerStore.open(copy)) {
            Clerk clerk = new Clerk(store, CorpusWorld.ZONE);
            Conversation conversation = corpusCase.personal() ? CorpusWorld.personalChat(corpusCase.speaker())
                    : CorpusWorld.BOARD;
            Optional<Reply> reply = clerk.onMessage(new Turn(conversation,
                    CorpusWorld.sender(corpusCase.speaker()), corpusCase.message(), List.of(), "case-" + n,
                    kind.caseInstant(), corpusCase.addressed()));
            said = said(reply);
        } catch (RuntimeException | AssertionError e) {
            return new Outcome(Verdict.WRONG, "threw " + e);
        }
        return judge.judge(corpusCase, RecordSnapshot.of(copy).since(before), said);
    }

    private static Said said(Optional<Reply> reply) {
        if (reply.isEmpty() || reply.get().isEmpty()) {
            return Said.SILENCE;
        }
        StringBuilder text = new StringBuilder(reply.get().markdown());
        boolean asks = false;
        for (Card card : reply.get().cards()) {
            text.append('\n').append(card);
            asks |= card instanceof Card.Question;
        }
        int lines = (int) reply.get().markdown().lines().filter(l -> !l.isBlank()).count()
                + reply.get().cards().size();
        return new Said(true, text.toString(), asks, lines);
    }

    /** What the parser knows on the board during the meeting: its day and its roster's names and initials. */
    private static ParseContext parseContext(Path template) {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(template)) {
            return store.read(ledger -> {
                long board = ledger.findBoard(CorpusWorld.TENANT, CorpusWorld.BOARD.conversationId()).orElseThrow()
                        .id();
                RosterMatcher roster = new RosterMatcher(ledger.people(board), List.of());
                return new ParseContext(CorpusWorld.MEETING, roster.names(), roster.initials(), List.of());
            });
        }
    }

    private static void deleteCopy(Path copy) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ConversationCorpusTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Checks the world is the one the corpus is written against, so a setup line that went unheard fails here. */
    static final class WorldCheck {
        private WorldCheck() {
        }

        static void check(Path file, CorpusWorld.Kind kind) throws SQLException {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                assertEquals(1, count(connection, "SELECT count(*) FROM boards WHERE chair_id IS NOT NULL"
                        + " AND secretary_id IS NOT NULL"), "world.setup appoints a chair and a secretary");
                assertEquals("CLOSED", string(connection, "SELECT status FROM meetings WHERE date = '2027-02-11'"),
                        "the meeting of 11/02/2027 was held");
                assertEquals(kind == CorpusWorld.Kind.DURING ? "OPEN" : "CLOSED",
                        string(connection, "SELECT status FROM meetings WHERE date = '2027-03-11'"),
                        "the meeting of 11/03/2027 in the " + kind + " world");
                for (String date : List.of("2027-04-15", "2027-05-13")) {
                    assertEquals("SCHEDULED", string(connection, "SELECT status FROM meetings WHERE date = '"
                            + date + "'"), "the meeting of " + date + " is scheduled");
                }
                assertEquals(0, count(connection, "SELECT count(*) FROM meetings WHERE date LIKE '2027-07-%'"
                        + " OR date LIKE '2027-09-%'"), "July and September 2027 stay unscheduled");
                assertEquals(2, count(connection, "SELECT count(*) FROM declarations d JOIN meetings m"
                        + " ON m.id = d.meeting_id WHERE m.date = '2027-02-11'"), "two declarations on 11/02/2027");
                assertTrue(count(connection, "SELECT count(*) FROM actions") >= 15, "about 15 actions");
                assertTrue(count(connection, "SELECT count(*) FROM people WHERE title IS NOT NULL") >= 12,
                        "the roster carries titles");
                assertEquals(0, count(connection, "SELECT count(*) FROM pending_questions"),
                        "the setup leaves no question unanswered");
            }
        }

        private static long count(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                return row.next() ? row.getLong(1) : 0;
            }
        }

        private static String string(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
