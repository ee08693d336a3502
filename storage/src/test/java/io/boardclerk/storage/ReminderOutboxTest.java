package io.boardclerk.storage;

import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.PersonalConversation;
import io.boardclerk.core.reminder.Reminders;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox's guarantees: one claim per delivery however sweeps overlap, leases, and what cannot be delivered. */
class ReminderOutboxTest extends ReminderTestSupport {

    static final Instant DUE = Instant.parse("2026-12-03T08:00:00Z");

    private void manyActions(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            say(CLAIRE, "action Report " + i + " owner: " + (i % 2 == 0 ? "Jon Leigh" : "Jane Gifford")
                    + " due: 10/12/2026", MONDAY);
        }
    }

    /** Two sweepers claim in small batches until neither finds anything; every id they got. */
    private List<Long> overlappingClaims(Reminders first, Reminders second) throws Exception {
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Reminders outbox : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (Instant now = DUE; ; now = now.plusMillis(1)) {
                        List<Outgoing> batch = outbox.claimDue(now, 3, now.plus(2, ChronoUnit.MINUTES));
                        if (batch.isEmpty()) {
                            return null;
                        }
                        batch.forEach(o -> claimed.add(o.deliveryId()));
                    }
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(claimed);
    }

    @Test
    void twoThreadsSweepingAtOnceNeverClaimTheSameDelivery() throws Exception {
        manyActions(30);
        List<Long> claimed = overlappingClaims(outbox, new Reminders(store));
        assertEquals(30, claimed.size(), "each delivery claimed");
        assertEquals(30, new HashSet<>(claimed).size(), "and none twice");
    }

    @Test
    void twoStoresOnTheSameFileNeverClaimTheSameDelivery() throws Exception {
        manyActions(30);
        try (Database other = reopen()) {
            List<Long> claimed = overlappingClaims(outbox, new Reminders(other));
            assertEquals(30, claimed.size());
            assertEquals(30, new HashSet<>(claimed).size());
        }
        assertEquals(30, count("reminder_deliveries WHERE state = 'CLAIMED'"));
    }

    @Test
    void aDeliveryLeftSendingPastItsLeaseIsInDoubtAndNeverSentAgain() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        assertTrue(outbox.sending(out, DUE.plusSeconds(1)));
        assertEquals(0, outbox.markInDoubt(DUE.plusSeconds(120)), "the lease has not run out");
        assertEquals(1, outbox.markInDoubt(DUE.plusSeconds(121)));
        assertEquals("IN_DOUBT", queryString("SELECT state FROM reminder_deliveries WHERE id = " + out.deliveryId()));
        outbox.dead(out.deliveryId(), DUE.plusSeconds(150), "the frozen sender's request timed out at last");
        assertEquals("IN_DOUBT", queryString("SELECT state FROM reminder_deliveries WHERE id = " + out.deliveryId()),
                "a late outcome from the sender that stopped leaves it in doubt");
        assertEquals(List.of(), outbox.claimDue(DUE.plusSeconds(200), 10, DUE.plusSeconds(400)));
        String status = say(CLAIRE, "reminders status", DUE.plusSeconds(300));
        assertTrue(status.contains("**In doubt: sending stopped midway, so not sent again; ask them** (1)\n"
                + "- Jon Leigh, before the target of action 1.0"), status);
    }

    @Test
    void aDeliveryClaimedButNeverBegunIsClaimedAgainOnceItsLeaseRunsOut() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        assertEquals(List.of(), outbox.claimDue(DUE.plusSeconds(60), 10, DUE.plusSeconds(180)), "claimed already");
        assertEquals(0, outbox.markInDoubt(DUE.plusSeconds(121)), "never begun, so not in doubt");
        List<Outgoing> again = outbox.claimDue(DUE.plusSeconds(122), 10, DUE.plusSeconds(240));
        assertEquals(List.of(out.deliveryId()), again.stream().map(Outgoing::deliveryId).toList());
        assertFalse(outbox.sending(out, DUE.plusSeconds(123)),
                "the first sweep froze past its lease: it must not send what the second has claimed since");
        assertTrue(outbox.sending(again.get(0), DUE.plusSeconds(123)));
        assertFalse(outbox.sending(again.get(0), DUE.plusSeconds(124)), "only a claimed delivery begins");
    }

    @Test
    void aClaimWhoseLeaseHasRunOutNeverBegins() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        assertFalse(outbox.sending(out, DUE.plusSeconds(120)), "the lease ran out: another sweep may claim it now");
        assertEquals("CLAIMED", queryString("SELECT state FROM reminder_deliveries WHERE id = " + out.deliveryId()));
    }

    @Test
    void aClaimedDeliveryWhoseActionClosesIsNeverBegun() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        say(CLAIRE, "close 1", DUE.plusSeconds(5));
        assertFalse(outbox.sending(out, DUE.plusSeconds(6)));
        assertEquals("CANCELLED", queryString("SELECT state FROM reminder_deliveries WHERE id = " + out.deliveryId()));
    }

    @Test
    void aDeliveryThatWaitedOutAThrottleIsClaimedAgainWithNoAttemptCounted() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        assertTrue(outbox.sending(out, DUE.plusSeconds(1)));

        outbox.waitUntil(out.deliveryId(), DUE.plusSeconds(120), "waiting: Teams throttled this tenant (HTTP 429)");

        assertEquals(List.of(), outbox.claimDue(DUE.plusSeconds(119), 10, DUE.plusSeconds(300)), "not before then");
        List<Outgoing> again = outbox.claimDue(DUE.plusSeconds(120), 10, DUE.plusSeconds(300));
        assertEquals(List.of(out.deliveryId()), again.stream().map(Outgoing::deliveryId).toList());
        assertEquals(0, again.get(0).attempt(), "waiting its turn was no try");
    }

    @Test
    void deadLettersAreKeptWithTheirLastError() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        outbox.dead(out.deliveryId(), DUE.plusSeconds(60), "503 Service Unavailable after 5 tries");
        String status = say(CLAIRE, "reminders status", DUE.plusSeconds(300));
        assertTrue(status.contains("**Gave up after the last try** (1)\n- Jon Leigh, before the target of action 1.0:"
                + " 503 Service Unavailable after 5 tries"), status);
    }

    @Test
    void someoneKnownOnlyFromTheMinutesIsUndeliverable() {
        say(CLAIRE, "Members: Nina Hart, Independent Member", MONDAY);
        say(CLAIRE, "action Review the audit plan owner: Nina Hart due: 10/12/2026", MONDAY);
        assertEquals(List.of(), outbox.claimDue(DUE, 10, DUE.plusSeconds(120)));
        assertEquals("Nina Hart|known only from the minutes: no Teams identity", queryString(
                "SELECT recipient, last_error FROM reminder_deliveries WHERE state = 'UNDELIVERABLE'"));
        String status = say(CLAIRE, "reminders status", DUE.plusSeconds(60));
        assertTrue(status.contains("- Nina Hart, before the target of action 1.0: known only from the minutes"),
                status);
    }

    @Test
    void aBodysNameIsKeptAsWrittenWhateverItsCharacters() {
        say(CLAIRE, "action Review the estates plan owner: Fire \"Rescue\" \\ Service due: 10/12/2026", MONDAY);
        String owners = action(BOARD, 1).owners().stream().map(o -> o.name()).toList().toString();
        assertEquals(List.of(), outbox.claimDue(DUE, 10, DUE.plusSeconds(120)));
        assertEquals(owners, List.of(queryJoined("SELECT recipient FROM reminder_deliveries"
                + " WHERE state = 'UNDELIVERABLE' ORDER BY id", "|").split("\\|")).toString());
        assertTrue(owners.contains("\\"), owners);
    }

    @Test
    void aBoardWithNoChairOrSecretaryCannotReceiveItsEscalation() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 02/11/2026", MONDAY);
        rawUpdate("UPDATE boards SET chair_id = NULL, secretary_id = NULL");
        outbox.claimDue(Instant.parse("2026-11-30T08:00:00Z"), 10, Instant.parse("2026-11-30T08:02:00Z"));
        assertEquals("the chair|the board has no chair or secretary: say `chair @name`", queryString(
                "SELECT recipient, last_error FROM reminder_deliveries WHERE state = 'UNDELIVERABLE'"));
    }

    @Test
    void theDispatcherReportsBack() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        outbox.undeliverable(out.deliveryId(), DUE.plusSeconds(5), "the app is not installed for Jon Leigh");
        assertEquals("UNDELIVERABLE", queryString("SELECT state FROM reminder_deliveries"));
        outbox.savePersonalConversation(new PersonalConversation(TENANT, "29:jon", "a:1xyz", "https://smba.test/",
                DUE));
        assertEquals("a:1xyz", outbox.personalConversation(TENANT, "29:jon").orElseThrow().conversationId());
        assertFalse(outbox.personalConversation(OTHER_TENANT, "29:jon").isPresent(), "tenants kept apart");
    }

    @Test
    @SqliteOnly
    void theSweepReadsOnlyWhatIsDueThroughThePartialIndexes() throws Exception {
        Set<String> plans = new HashSet<>();
        try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
            for (String query : List.of(ReminderSweepQueries.DUE_REMINDERS, ReminderSweepQueries.DUE_DELIVERIES)) {
                String explained = "EXPLAIN QUERY PLAN " + query.replace("?", "'2026-12-03T08:00:00Z'")
                        .replace("LIMIT '2026-12-03T08:00:00Z'", "LIMIT 100");
                try (ResultSet rows = statement.executeQuery(explained)) {
                    StringBuilder plan = new StringBuilder();
                    while (rows.next()) {
                        plan.append(rows.getString("detail")).append('\n');
                    }
                    plans.add(plan.toString().strip());
                }
            }
        }
        assertTrue(plans.contains("SEARCH reminders USING INDEX reminders_pending_due (due_at<?)"), plans.toString());
        assertTrue(plans.contains("SEARCH reminder_deliveries USING INDEX reminder_deliveries_due (next_at<?)"),
                plans.toString());
    }
}
