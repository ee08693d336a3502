package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.core.view.ActionRow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.boardclerk.bot.cards.CardFixtures.row;
import static io.boardclerk.bot.cards.CardFixtures.sickness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderCardTest {

    static ReminderMessage message(ReminderKind kind, List<ActionRow> rows, LocalDate meeting) {
        return new ReminderMessage(kind, 4, "Business Coordination Board", "Action 6.0 is due in 7 days, on Tuesday "
                + "14/07/2026.", rows, meeting);
    }

    @Test
    void showsTheBoardTheHeadlineAndTheActionWithItsFourButtonsEachCarryingTheBoard() {
        ActionRow sickness = sickness(6);
        ActionRow row = new ActionRow(sickness.actionId(), 6, sickness.raisedOn(), sickness.agendaItem(),
                sickness.text() + " The report is to compare the Fenshire figures with those of similar forces and to"
                        + " set out what the wellbeing programme has done so far.", sickness.owners(),
                sickness.target(), sickness.targetDate(), sickness.updates(), sickness.status(), sickness.version());
        ObjectNode card = ReminderCard.render(new Card.Reminder(message(ReminderKind.BEFORE, List.of(row),
                null), null, true));

        assertEquals("1.5", card.path("version").asText());
        JsonNode body = card.path("body");
        assertEquals("Business Coordination Board", body.get(0).path("text").asText());
        assertTrue(body.get(1).path("text").asText().startsWith("Action 6.0 is due in 7 days"));
        String json = card.toString();
        assertTrue(json.contains("**Action 6.0** · Item 8.1"), json);
        assertTrue(json.contains("Constabulary; Jo Grant"), json);
        assertTrue(json.contains("\"title\":\"Status\",\"value\":\"ongoing\""), json);
        assertTrue(json.contains("18/09/2026: Report delayed"), json);

        List<JsonNode> executes = new ArrayList<>();
        collect(card, executes);
        assertEquals(Set.of(Card.Verbs.UPDATE, Card.Verbs.DONE, Card.Verbs.MORE_TIME, Card.Verbs.SNOOZE),
                executes.stream().map(e -> e.path("verb").asText()).collect(java.util.stream.Collectors.toSet()));
        for (JsonNode execute : executes) {
            assertEquals(4, execute.path("data").path(Card.Verbs.BOARD).asLong(), execute.toString());
            assertEquals(6, execute.path("data").path(Card.Verbs.NUMBER).asInt(), execute.toString());
            if (!execute.path("verb").asText().equals(Card.Verbs.SNOOZE)) {
                assertEquals(3, execute.path("data").path(Card.Verbs.VERSION).asInt(), execute.toString());
            }
        }
        assertTrue(json.contains("\"id\":\"text-6\""), json);
        assertTrue(json.contains("\"id\":\"target-6\""), json);
        assertTrue(json.contains("\"type\":\"Input.ChoiceSet\",\"id\":\"days-6\""), json);
        assertTrue(json.contains("\"value\":\"1\"") && json.contains("\"value\":\"2\"")
                && json.contains("\"value\":\"5\""), "snooze for 1, 2 or 5 working days: " + json);
        assertTrue(json.contains("Show or hide the full text"), "the long text is one tap away: " + json);
        assertTrue(json.contains("what the wellbeing programme has done so far."), json);
    }

    @Test
    void aDigestGivesEachActionItsOwnButtonsAndInputsWithUniqueIds() {
        ObjectNode card = ReminderCard.render(new Card.Reminder(message(ReminderKind.DIGEST, List.of(
                row(11, "Review the estates strategy", ActionStatus.OPEN, LocalDate.of(2027, 5, 26)),
                row(12, "Keep the risk register under review", ActionStatus.ONGOING, null)),
                LocalDate.of(2027, 5, 26)), null, true));

        String json = card.toString();
        assertTrue(json.contains("Board meeting on 26/05/2027"), json);
        List<String> ids = new ArrayList<>();
        ids(card, ids);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no two elements share an id: " + ids);
        assertTrue(ids.containsAll(List.of("text-11", "text-12", "days-11", "days-12")), ids.toString());
    }

    @Test
    void aClosedActionHasNoButtonsAndACardNoLongerLiveSaysSo() {
        ObjectNode card = ReminderCard.render(new Card.Reminder(message(ReminderKind.DUE, List.of(
                row(3, "Circulate the workforce plan", ActionStatus.CLOSED, null)), null),
                "Reported done by Jon Leigh", false));

        List<JsonNode> executes = new ArrayList<>();
        collect(card, executes);
        assertTrue(executes.isEmpty(), card.toString());
        String json = card.toString();
        assertTrue(json.contains("**Reported done by Jon Leigh**"), json);
        assertTrue(json.contains("None of these actions is open any more"), json);
    }

    @Test
    void escapesEveryUserString() {
        ActionRow row = new ActionRow(1, 1, LocalDate.of(2026, 11, 2), "7", "[click](https://evil.example) **now**",
                "<img src=x> Jon_Leigh", "# the next Board", null,
                List.of(new ActionUpdate(LocalDate.of(2026, 11, 20), "`code` ![i](x)", "Vic *Evers*")),
                ActionStatus.OPEN, 1);
        ReminderMessage message = new ReminderMessage(ReminderKind.OVERDUE, 1, "Board [x](y)", "Action 1.0 *is* "
                + "overdue", List.of(row), null);
        String json = ReminderCard.render(new Card.Reminder(message, "Done by [me](z)", true)).toString();

        assertTrue(json.contains("\\\\[click\\\\]\\\\(https://evil.example\\\\) \\\\*\\\\*now\\\\*\\\\*"), json);
        assertTrue(json.contains("\\\\<img src=x\\\\> Jon\\\\_Leigh"), json);
        assertTrue(json.contains("\\\\# the next Board"), json);
        assertTrue(json.contains("Board \\\\[x\\\\]\\\\(y\\\\)"), json);
        assertTrue(json.contains("Action 1.0 \\\\*is\\\\* overdue"), json);
        assertTrue(json.contains("\\\\`code\\\\` !\\\\[i\\\\]\\\\(x\\\\)"), json);
        assertTrue(json.contains("Done by \\\\[me\\\\]\\\\(z\\\\)"), json);
        assertFalse(json.contains("[click](https"), json);
    }

    @Test
    void aDigestOfManyLongActionsStaysUnderTheBudgetAndSaysHowManyItLeftOut() {
        List<ActionRow> rows = new ArrayList<>();
        for (ActionLogViewRows section : List.of(new ActionLogViewRows(CardFixtures.big(200).sections()))) {
            rows.addAll(section.rows());
        }
        ObjectNode card = ReminderCard.render(new Card.Reminder(message(ReminderKind.DIGEST, rows,
                LocalDate.of(2027, 5, 26)), null, true));

        int bytes = AdaptiveCards.bytes(card);
        assertTrue(bytes <= 24_000, "under 24 KB: " + bytes);
        String json = card.toString();
        int shown = (int) rows.stream().filter(r -> json.contains("\"text-" + r.number() + "\"")).count();
        assertTrue(shown > 0 && shown < 200, "some shown: " + shown);
        assertTrue(json.contains("…and " + (200 - shown) + " more actions not shown here"), json);
        assertTrue(json.contains("**my actions**"), json);
    }

    /** Every action row of a view's sections, in order. */
    record ActionLogViewRows(List<io.boardclerk.core.view.ActionLogView.Section> sections) {
        List<ActionRow> rows() {
            return sections.stream().flatMap(s -> s.rows().stream()).toList();
        }
    }

    private static void collect(JsonNode node, List<JsonNode> executes) {
        if (node.isObject() && "Action.Execute".equals(node.path("type").asText())) {
            executes.add(node);
        }
        node.forEach(child -> collect(child, executes));
    }

    private static void ids(JsonNode node, List<String> ids) {
        if (node.isObject() && node.has("id")) {
            ids.add(node.get("id").asText());
        }
        node.forEach(child -> ids(child, ids));
    }
}
