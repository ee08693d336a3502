package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.DirectoryLookup;
import io.boardclerk.core.port.DirectoryPerson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Owners nobody on the roster has, looked up in the organisation's directory (a scripted one here). */
class ClerkDirectoryTest extends LedgerStoreTestSupport {

    private static final Conversation BOARD = new Conversation(TENANT, "19:board-d@thread.v2",
            Conversation.Kind.GROUP_CHAT, "Fenshire Board");
    private static final Sender SECRETARY = new Sender("29:sam", "aad-sam", "Sam Clerk", Sender.Standing.VOUCHED);
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    static final DirectoryPerson ANN = new DirectoryPerson("Ann Other", "ann.other@fenshire.example",
            "aother@fenshire.example", "entra-ann");
    static final DirectoryPerson ANNA = new DirectoryPerson("Ann Other", "ann.other2@fenshire.example",
            "aother2@fenshire.example", "entra-ann-2");

    private final List<String> asked = new ArrayList<>();

    private Clerk clerk(Directory directory) {
        Clerk clerk = new Clerk(store, ZoneId.of("Europe/London"), (tenant, words) -> {
            asked.add(tenant + "|" + words);
            return directory.find(tenant, words);
        });
        say(clerk, "secretary Sam Clerk");
        return clerk;
    }

    private static String say(Clerk clerk, String text) {
        return say(clerk, BOARD, SECRETARY, text, AT);
    }

    private ActionItem action(int number) {
        return action(BOARD, number);
    }

    private List<Person> people() {
        return write(ledger -> ledger.people(ledger.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id()));
    }

    @Test
    void one_person_found_in_the_directory_owns_the_action_and_is_kept_once_with_their_entra_id() {
        Clerk clerk = clerk((tenant, words) -> new DirectoryLookup.Found(ANN));

        String reply = say(clerk, "action Bring the report owner: ann.other@fenshire.example due: 26/05/2027");
        say(clerk, "action Bring the next report owner: Ann Other due: 26/06/2027");

        assertTrue(reply.contains("Ann Other was found in the organisation's directory.")
                && !reply.contains("ann.other@fenshire.example"),
                reply);
        assertFalse(reply.contains("kept as written"), reply);
        assertEquals(List.of(TENANT + "|ann.other@fenshire.example"), asked.subList(0, 1), "asked for this tenant");
        Person ann = people().stream().filter(p -> "entra-ann".equals(p.aadObjectId())).findFirst().orElseThrow();
        assertEquals("Ann Other", ann.name());
        assertFalse(ann.onRoster());
        assertEquals(1, people().stream().filter(p -> "entra-ann".equals(p.aadObjectId())).count());
        assertEquals(ann.id(), action(1).owners().get(0).personId());
        assertEquals(ann.id(), action(2).owners().get(0).personId(), "the second time she is known on the board");
    }

    @Test
    void several_people_in_the_directory_are_a_question_answered_by_address() {
        Clerk clerk = clerk((tenant, words) -> words.contains("@")
                ? new DirectoryLookup.Found(words.equals(ANNA.mail()) ? ANNA : ANN)
                : new DirectoryLookup.Several(List.of(ANN, ANNA)));

        String question = say(clerk, "action Bring the report owner: Ann Other due: 26/05/2027");

        assertTrue(question.startsWith("I have not recorded this action yet"), question);
        assertTrue(question.contains("\"Ann Other\" is 2 people in the organisation's directory. Name the owner by "
                + "e-mail address."), question);
        assertTrue(!question.contains("@fenshire.example"), "no address is shown in the chat: " + question);
        String answer = say(clerk, "owner ann.other2@fenshire.example");
        assertTrue(answer.contains("Action **1.0** recorded"), answer);
        assertEquals("Ann Other", action(1).owners().get(0).name());
        assertEquals("entra-ann-2", people().stream().filter(p -> p.id() == action(1).owners().get(0).personId())
                .findFirst().orElseThrow().aadObjectId());
    }

    @Test
    void with_graph_off_or_finding_nobody_the_owner_is_kept_as_written_as_before() {
        Clerk clerk = clerk(Directory.OFF);
        String off = say(clerk, "action Bring the report owner: Zoe Stranger due: 26/05/2027");
        Clerk none = clerk((tenant, words) -> new DirectoryLookup.NotFound());
        String notFound = say(none, "action Bring the report owner: Zed Stranger due: 26/05/2027");

        assertTrue(off.contains("⚠ Zoe Stranger is not anyone I know on this board: kept as written."), off);
        assertTrue(notFound.contains("⚠ Zed Stranger is not anyone I know on this board: kept as written."), notFound);
        assertFalse(off.contains("directory") || notFound.contains("directory"), off + notFound);
    }

    @Test
    void a_failed_lookup_keeps_the_owner_as_written_and_says_why() {
        Clerk clerk = clerk((tenant, words) -> new DirectoryLookup.Failed("the app needs User.Read.All."));

        String reply = say(clerk, "action Bring the report owner: Zoe Stranger due: 26/05/2027");

        assertTrue(reply.contains("Action **1.0** recorded"), reply);
        assertTrue(reply.contains("⚠ Zoe Stranger is not anyone I know on this board: kept as written."), reply);
        assertTrue(reply.contains("⚠ The organisation's directory could not be searched: the app needs "
                + "User.Read.All."), reply);
    }

    @Test
    void roster_names_and_bodies_never_reach_the_directory() {
        Clerk clerk = clerk((tenant, words) -> new DirectoryLookup.Found(ANN));

        say(clerk, "action Bring the report owner: Sam Clerk due: 26/05/2027");
        say(clerk, "action Bring the fleet report owner: Constabulary due: 26/05/2027");

        assertEquals(List.of(), asked);
        assertEquals("Sam Clerk", action(1).owners().get(0).name());
        assertTrue(action(2).owners().get(0).body());
    }

    @Test
    void a_lookup_runs_while_the_database_writer_is_free() {
        List<Boolean> writerFree = new ArrayList<>();
        Clerk clerk = clerk((tenant, words) -> {
            // Another thread takes the writer while the lookup runs: it can only if the turn does not hold it.
            java.util.concurrent.CompletableFuture<Integer> other = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> store.inTransaction(ledger -> 1));
            try {
                writerFree.add(other.get(20, java.util.concurrent.TimeUnit.SECONDS) == 1);
            } catch (Exception e) {
                writerFree.add(false);
            }
            return new DirectoryLookup.Found(ANN);
        });

        String reply = say(clerk, "action Bring the report owner: Ann Other due: 26/05/2027");

        assertEquals(List.of(true), writerFree);
        assertTrue(reply.contains("Action **1.0** recorded") && reply.contains("found in the organisation's "
                + "directory"), reply);
        assertEquals(Integer.valueOf(1), write(ledger -> ledger.actions(ledger.findBoard(TENANT, BOARD.conversationId())
                .orElseThrow().id()).size()), "recorded once, though the turn ran twice");
    }

    @Test
    void several_unknown_owners_are_looked_up_together_before_the_one_recording() {
        Clerk clerk = clerk((tenant, words) -> words.equals("Ann Other") ? new DirectoryLookup.Found(ANN)
                : new DirectoryLookup.NotFound());

        String reply = say(clerk, "action Bring the report owner: Ann Other and Zoe Stranger due: 26/05/2027");

        assertEquals(List.of(TENANT + "|Ann Other", TENANT + "|Zoe Stranger"),
                asked.stream().sorted().toList());
        assertTrue(reply.contains("Action **1.0** recorded"), reply);
        assertEquals(List.of("Ann Other", "Zoe Stranger"), action(1).owners().stream().map(o -> o.name()).toList());
    }

    @Test
    void a_directory_that_does_not_answer_in_time_is_a_failure_and_the_recording_goes_ahead() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        Clerk clerk = new Clerk(store, ZoneId.of("Europe/London"), (tenant, words) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DirectoryLookup.Found(ANN);
        }, java.time.Duration.ofMillis(200));
        say(clerk, "secretary Sam Clerk");

        String reply = say(clerk, "action Bring the report owner: Zoe Stranger due: 26/05/2027");
        never.countDown();

        assertTrue(reply.contains("Action **1.0** recorded"), reply);
        assertTrue(reply.contains("Zoe Stranger is not anyone I know on this board: kept as written."), reply);
        assertTrue(reply.contains("The organisation's directory could not be searched: Microsoft Graph did not "
                + "answer within"), reply);
    }
}
