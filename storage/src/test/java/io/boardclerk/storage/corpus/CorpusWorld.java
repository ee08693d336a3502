package io.boardclerk.storage.corpus;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.RosterEntry;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.storage.SqliteLedgerStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board the corpus is said on, built by replaying {@code world.setup} through the real {@link Clerk} on a real
 * SQLite file, as its secretary, chair and members would have typed it. Every speaker of the setup is on the board's
 * Teams roster from the start (Teams lists a chat's members to the bot when it is added). Each world is built once
 * into a template file; every corpus message then runs on a fresh copy of it.
 */
final class CorpusWorld {

    static final String TENANT = "tenant-fenshire";
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Conversation BOARD = new Conversation(TENANT, "19:fenshire-bcb@thread.v2",
            Conversation.Kind.GROUP_CHAT, "Fenshire Business Coordination Board");

    /** The meeting of 11/03/2027: under way ({@link #DURING}) or held and ended ({@link #BETWEEN}). */
    enum Kind {
        /** The secretary says {@code start meeting} at 10:00 on 11/03/2027; cases are said at 10:30. */
        DURING(LocalDateTime.of(2027, 3, 11, 10, 30)),
        /** The meeting of 11/03/2027 was held 10:00 to 12:00; cases are said on 16/03/2027 at 09:15. */
        BETWEEN(LocalDateTime.of(2027, 3, 16, 9, 15));

        final LocalDateTime caseTime;

        Kind(LocalDateTime caseTime) {
            this.caseTime = caseTime;
        }

        Instant caseInstant() {
            return caseTime.atZone(ZONE).toInstant();
        }
    }

    static final LocalDate MEETING = LocalDate.of(2027, 3, 11);

    /** One line of the setup: who says what, when. */
    record Said(int line, Instant at, String speaker, String message) {
    }

    private static final Pattern DATE = Pattern.compile("date (\\d{4}-\\d{2}-\\d{2})\\s*");
    private static final Pattern SAID = Pattern.compile("(\\d{2}:\\d{2}) \\| ([^|]+?) \\| (.+)");

    private CorpusWorld() {
    }

    /** Reads the setup: {@code date YYYY-MM-DD} lines and {@code HH:MM | speaker | message} lines ({@code \n} in a
     * message is a line break), {@code #} comments. */
    static List<Said> parse(String text) {
        List<Said> said = new ArrayList<>();
        LocalDate date = null;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher d = DATE.matcher(line);
            Matcher s = SAID.matcher(line);
            if (d.matches()) {
                date = LocalDate.parse(d.group(1));
            } else if (s.matches() && date != null) {
                Instant at = LocalDateTime.of(date, LocalTime.parse(s.group(1))).atZone(ZONE).toInstant();
                said.add(new Said(i + 1, at, s.group(2).strip(), s.group(3).strip().replace("\\n", "\n")));
            } else {
                throw new IllegalArgumentException("world.setup line " + (i + 1) + ": expected 'date YYYY-MM-DD' or"
                        + " 'HH:MM | speaker | message' after a date, got: " + line);
            }
        }
        return said;
    }

    static Set<String> speakers(List<Said> setup) {
        Set<String> names = new LinkedHashSet<>();
        setup.forEach(s -> names.add(s.speaker()));
        return names;
    }

    static Sender sender(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new Sender("29:" + slug, "aad-" + slug, name);
    }

    static Conversation personalChat(String name) {
        return new Conversation(TENANT, "a:personal-" + sender(name).teamsId(), Conversation.Kind.PERSONAL, null);
    }

    /**
     * Builds the world into {@code file} and returns the transcript of every setup turn and its reply, to read when
     * the world is not what the corpus assumes.
     */
    static String build(Path file, List<Said> setup, Kind kind) {
        StringBuilder transcript = new StringBuilder();
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            Clerk clerk = new Clerk(store, ZONE);
            clerk.syncRoster(BOARD, speakers(setup).stream()
                    .map(name -> new RosterEntry(sender(name).teamsId(), sender(name).aadObjectId(), name))
                    .toList(), false);
            int turn = 0;
            // The first speaker added BoardClerk to the chat, so Teams vouches for them: they appoint the officers.
            String installer = setup.isEmpty() ? null : setup.get(0).speaker();
            for (Said said : setup) {
                say(clerk, said.speaker(), said.message(), said.at(), "setup-" + (++turn), transcript,
                        said.speaker().equals(installer));
            }
            String secretary = secretary(file);
            Instant start = MEETING.atTime(10, 0).atZone(ZONE).toInstant();
            say(clerk, secretary, "start meeting", start, "world-start", transcript, false);
            if (kind == Kind.BETWEEN) {
                Instant end = MEETING.atTime(12, 0).atZone(ZONE).toInstant();
                say(clerk, secretary, "end meeting", end, "world-end", transcript, false);
            }
        }
        return transcript.toString();
    }

    private static void say(Clerk clerk, String speaker, String message, Instant at, String activity,
                            StringBuilder transcript, boolean installer) {
        Sender sender = sender(speaker);
        Sender as = installer ? new Sender(sender.teamsId(), sender.aadObjectId(), sender.name(),
                Sender.Standing.VOUCHED) : sender;
        Reply reply = clerk.onMessage(new Turn(BOARD, as, message, List.of(), activity, at))
                .orElseThrow(() -> new IllegalStateException("the setup turn " + activity + " was not handled"));
        transcript.append(at).append(" | ").append(speaker).append(" | ").append(message).append('\n')
                .append("    -> ").append(reply.markdown().replace("\n", "\n       "));
        reply.cards().forEach(card -> transcript.append("\n    [card ").append(card.getClass().getSimpleName())
                .append(']'));
        transcript.append("\n\n");
    }

    /** The name of the board's secretary, as the setup appointed them. */
    static String secretary(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT p.name FROM boards b JOIN people p"
                     + " ON p.id = b.secretary_id")) {
            if (!row.next()) {
                throw new IllegalStateException("world.setup appoints no secretary");
            }
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a template (and its write-ahead log, if any was left) for one case. */
    static void copy(Path template, Path to) throws IOException {
        Files.copy(template, to);
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = template.resolveSibling(template.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.copy(side, to.resolveSibling(to.getFileName() + suffix));
            }
        }
    }
}
