package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.InterestKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each grammar read on its own: a few lines of its area give their commands through its shapes alone, and no other
 * grammar reads them. The routing table holds every grammar's shapes once, in the grammars' order.
 */
class GrammarsTest {

    private static final ParseContext CONTEXT = new ParseContext(LocalDate.of(2026, 11, 23), List.of(), List.of(),
            List.of());

    /** The grammars in the routing table's order. */
    private static final Map<String, List<Shape>> GRAMMARS = grammars();

    private static Map<String, List<Shape>> grammars() {
        Map<String, List<Shape>> grammars = new LinkedHashMap<>();
        grammars.put("apologies", ApologyGrammar.SHAPES);
        grammars.put("declarations", DeclarationGrammar.SHAPES);
        grammars.put("the action log's life", ActionLogGrammar.SHAPES);
        grammars.put("actions", ActionGrammar.SHAPES);
        grammars.put("meetings", MeetingGrammar.SHAPES);
        grammars.put("board settings", BoardSettingsGrammar.SHAPES);
        return grammars;
    }

    @Test
    void apologies() {
        readsAlone("apologies", "remove apology Jon Leigh", new Command.RemoveApology("Jon Leigh"));
        readsAlone("apologies", "please send my apologies", new Command.OwnApologies(null));
    }

    @Test
    void declarations() {
        readsAlone("declarations", "There were no declarations of interest.", new Command.NoDeclarations());
        readsAlone("declarations", "Jon Leigh declared a personal interest in item 5.2, his wife works for the council",
                new Command.Declare("Jon Leigh", "5.2", InterestKind.PERSONAL, "his wife works for the council"));
    }

    @Test
    void theActionLogsLife() {
        readsAlone("the action log's life", "close 12", new Command.CloseAction(12));
        readsAlone("the action log's life", "keep 12 open", new Command.KeepOpen(12));
        readsAlone("the action log's life", "action 12 is complete", new Command.ReportDone(12));
        readsAlone("the action log's life", "export the action log as csv", new Command.Export("csv"));
    }

    @Test
    void actions() {
        readsAlone("actions", "owner: Nina Hart", new Command.AnswerOwner("Nina Hart"));
        readsAlone("actions", "action 12 owner Constabulary", new Command.SetActionOwner(12, "Constabulary"));
        readsAlone("actions", "owner Constabulary = Jo Grant, Louisa Barry",
                new Command.MapBody("Constabulary", List.of("Jo Grant", "Louisa Barry")));
    }

    @Test
    void meetings() {
        readsAlone("meetings", "end meeting", new Command.EndMeeting());
        readsAlone("meetings", "quorum 5", new Command.Quorum(false, 5));
        readsAlone("meetings", "item 5.7", new Command.SetItem("5.7"));
    }

    @Test
    void boardSettings() {
        readsAlone("board settings", "board name Business Coordination Board",
                new Command.BoardName("Business Coordination Board"));
        readsAlone("board settings", "reminders status", new Command.RemindersStatus());
        readsAlone("board settings", "marking official sensitive", new Command.SetMarking("OFFICIAL-SENSITIVE"));
    }

    @Test
    void fixedPhrases() {
        assertEquals(new Command.Help(), FixedPhrases.read("what can you do"));
        assertEquals(new Command.MyActions(), FixedPhrases.read("my action log"));
        assertNull(FixedPhrases.read("my actions please"), "a phrase is fixed: nothing more may follow");
    }

    @Test
    void theRoutingTableJoinsTheGrammarsInOrderWithEveryShapeOnce() {
        List<Shape> joined = new ArrayList<>();
        GRAMMARS.values().forEach(joined::addAll);
        assertEquals(joined, Routes.SHAPES);
    }

    private static void readsAlone(String area, String line, Command expected) {
        GRAMMARS.forEach((name, shapes) -> assertEquals(name.equals(area) ? expected : null, read(shapes, line),
                name + " reading \"" + line + "\""));
    }

    private static Command read(List<Shape> shapes, String line) {
        for (Shape shape : shapes) {
            Command command = shape.read().apply(line, CONTEXT);
            if (command != null) {
                return command;
            }
        }
        return null;
    }
}
