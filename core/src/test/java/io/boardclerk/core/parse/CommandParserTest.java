package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.NamedPerson;
import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.roster.Mention;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser against the secretary's own minute language (sentences quoted from the approved minutes of 21st
 * September 2016, 11th February 2021 and 10th February 2022) and against the short commands.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final ParseContext NOTHING_KNOWN = new ParseContext(TODAY, List.of(), List.of(), List.of());

    private static List<Command> parse(String message) {
        return CommandParser.parse(message, NOTHING_KNOWN);
    }

    private static Command only(String message) {
        return only(message, NOTHING_KNOWN);
    }

    private static Command only(String message, ParseContext context) {
        List<Command> commands = CommandParser.parse(message, context);
        assertEquals(1, commands.size(), "one command expected from \"" + message + "\": " + commands);
        return commands.get(0);
    }

    private static NamedPerson person(String name, String role) {
        return new NamedPerson(name, role, null);
    }

    private static Command.RecordAction minuteAction(String text, String owner, String target) {
        return new Command.RecordAction(text, owner, target, null, false);
    }

    @org.junit.jupiter.api.Test
    void aLineEndingInAWordThatCannotEndASentenceRunsOn() {
        assertTrue(MessageSegmenter.endsMidSentence("Apologies were received from the Chief Constable and"));
        assertTrue(MessageSegmenter.endsMidSentence("to report back on the follow-on"));
        assertTrue(MessageSegmenter.endsMidSentence("An update was given by THE"));
        assertFalse(MessageSegmenter.endsMidSentence("Apologies from Jon Leigh, Brand"), "a word ending in \"and\"");
        assertFalse(MessageSegmenter.endsMidSentence("to report to the Board."));
        assertFalse(MessageSegmenter.endsMidSentence("and "), "only the very end counts");
        assertFalse(MessageSegmenter.endsMidSentence(""));
    }

    @Nested
    class Apologies {

        /** 2016: names and roles separated by commas only, the last "and" joining a name with no comma. */
        static final String COMMAS_ONLY = "1.1 Apologies were received from Alan Carver, Deputy Police and Crime "
                + "Commissioner, Carla Stone, Head of Performance and Scrutiny, Office of the Police and Crime "
                + "Commissioner (OPCC), Nell Phelps, Head of Partnerships and Commissioning, OPCC and "
                + "Colin Lusk Director of Estates, OPCC.";

        /** 2021: semicolons, a role continued after a semicolon, and line breaks inside titles, as pasted. */
        static final String SEMICOLONS_WRAPPED = "Apologies were received from Vic Evers, Assistant Chief Constable; "
                + "Fenshire\n"
                + "Constabulary (the “Constabulary”); Matthew Ward, Chief Finance Officer, Office of\n"
                + "the Police and Crime Commissioner (OPCC); and Colin Lusk, Director of Estates,\n"
                + "Fenshire Constabulary";

        /** 2022: the first person written role first, with the short name the minutes will use for him. */
        static final String ROLE_FIRST = "There were apologies from Police and Crime Commissioner (the “Commissioner”) "
                + "Darryl Prest; Jake Hudd, Head of Business Change, Office of the Police and Crime "
                + "Commissioner; Colin Lusk, Strategic Director of Estates, Fenshire Constabulary; and "
                + "Matthew Ward, Chief Finance Officer, Office of the Police and Crime Commissioner.";

        @Test
        void the_2016_comma_only_sentence_gives_four_people_with_their_roles_under_paragraph_1_1() {
            assertEquals(List.of(
                    new Command.SetItem("1.1"),
                    new Command.RecordApologies(List.of(
                            person("Alan Carver", "Deputy Police and Crime Commissioner"),
                            person("Carla Stone", "Head of Performance and Scrutiny, Office of the Police and Crime "
                                    + "Commissioner"),
                            person("Nell Phelps", "Head of Partnerships and Commissioning, OPCC"),
                            person("Colin Lusk", "Director of Estates, OPCC")), true)),
                    parse(COMMAS_ONLY));
        }

        @Test
        void the_2021_semicolon_sentence_pasted_over_four_lines_gives_three_people_with_their_roles() {
            assertEquals(new Command.RecordApologies(List.of(
                            person("Vic Evers", "Assistant Chief Constable, Fenshire Constabulary"),
                            person("Matthew Ward", "Chief Finance Officer, Office of the Police and Crime Commissioner"),
                            person("Colin Lusk", "Director of Estates, Fenshire Constabulary")), true),
                    only(SEMICOLONS_WRAPPED));
        }

        @Test
        void the_2021_sentence_reads_the_same_on_one_line() {
            assertEquals(only(SEMICOLONS_WRAPPED), only(SEMICOLONS_WRAPPED.replace('\n', ' ')));
        }

        @Test
        void the_2021_sentence_reads_the_same_when_the_board_already_knows_the_names() {
            ParseContext known = new ParseContext(TODAY, List.of("Vic Evers", "Matthew Ward", "Colin Lusk"),
                    List.of("VE", "MW", "CL"), List.of());

            assertEquals(only(SEMICOLONS_WRAPPED), only(SEMICOLONS_WRAPPED, known));
        }

        @Test
        void the_2022_role_first_sentence_gives_darryl_prest_as_police_and_crime_commissioner_alias_commissioner() {
            assertEquals(new Command.RecordApologies(List.of(
                            new NamedPerson("Darryl Prest", "Police and Crime Commissioner", "Commissioner"),
                            person("Jake Hudd", "Head of Business Change, Office of the Police and Crime "
                                    + "Commissioner"),
                            person("Colin Lusk", "Strategic Director of Estates, Fenshire Constabulary"),
                            person("Matthew Ward", "Chief Finance Officer, Office of the Police and Crime "
                                    + "Commissioner")), true),
                    only(ROLE_FIRST));
        }

        @Test
        void the_2022_sentence_as_a_bulleted_paragraph_sets_item_1_1_first() {
            List<Command> commands = parse("- 1.1 " + ROLE_FIRST);

            assertEquals(2, commands.size(), commands.toString());
            assertEquals(new Command.SetItem("1.1"), commands.get(0));
            assertEquals(only(ROLE_FIRST), commands.get(1));
        }

        @Test
        void roles_and_organisations_are_never_read_as_extra_people() {
            for (String sentence : List.of(COMMAS_ONLY, SEMICOLONS_WRAPPED, ROLE_FIRST)) {
                Command.RecordApologies apologies = parse(sentence).stream()
                        .filter(Command.RecordApologies.class::isInstance).map(Command.RecordApologies.class::cast)
                        .findFirst().orElseThrow();
                for (NamedPerson p : apologies.people()) {
                    assertFalse(p.name().matches("(?i).*\\b(Constabulary|OPCC|Commissioner|Office|Director|Chief)\\b.*"),
                            "\"" + p.name() + "\" is a role, not a person, in: " + sentence);
                }
            }
        }

        @Test
        void initials_the_board_knows_are_a_person_of_their_own() {
            ParseContext knowsNh = new ParseContext(TODAY, List.of(), List.of("NH"), List.of());

            assertEquals(new Command.RecordApologies(List.of(
                            new NamedPerson("Darryl Prest", "Police and Crime Commissioner", "Commissioner"),
                            person("NH", null)), true),
                    only("There were apologies from Police and Crime Commissioner (the “Commissioner”) Darryl Prest; "
                            + "and NH", knowsNh));
        }

        @Test
        void the_short_command_lists_names_separated_by_commas_and_and() {
            assertEquals(new Command.RecordApologies(List.of(person("Jon Leigh", null), person("Jane Gifford", null),
                            person("Nick Dean", null))),
                    only("apologies Jon Leigh, Jane Gifford and Nick Dean"));
        }

        @Test
        void a_member_s_own_apologies_name_no_one_else() {
            assertEquals(new Command.OwnApologies(null), only("Please send my apologies"));
            assertEquals(new Command.OwnApologies(null), only("I can't attend"));
            assertEquals(new Command.OwnApologies("May Board"), only("Please send my apologies for the May Board"));
        }

        @Test
        void remove_apology_names_the_person_to_take_off() {
            assertEquals(new Command.RemoveApology("Jon Leigh"), only("remove apology Jon Leigh"));
            assertEquals(new Command.RemoveApology("Jane Gifford"), only("remove apologies from Jane Gifford"));
        }

        @Test
        void apologies_alone_lists_the_apologies() {
            assertEquals(new Command.ListApologies(), only("apologies"));
            assertEquals(new Command.ListApologies(), only("show apologies"));
        }

        @Test
        void a_short_typed_line_after_apologies_is_not_glued_onto_the_last_name() {
            assertEquals(new Command.RecordApologies(List.of(person("Jon Leigh", null))),
                    only("Apologies from Jon Leigh\nThank you all"));
        }
    }

    @Nested
    class Declarations {

        @Test
        void there_were_no_declarations_of_interest() {
            assertEquals(new Command.NoDeclarations(), only("There were no declarations of interest."));
        }

        @Test
        void the_numbered_minute_sets_item_2_1_then_records_no_declarations() {
            assertEquals(List.of(new Command.SetItem("2.1"), new Command.NoDeclarations()),
                    parse("- 2.1 There were no declarations of interest."));
        }

        @Test
        void a_member_declares_their_own_interest_in_the_short_form() {
            assertEquals(new Command.Declare(null, "7", InterestKind.NOT_STATED,
                            "I am a trustee of the charity named in the report"),
                    only("declare item 7: I am a trustee of the charity named in the report"));
        }

        @Test
        void a_member_declares_a_personal_interest_in_their_own_words() {
            assertEquals(new Command.Declare(null, "7", InterestKind.PERSONAL, "I am a trustee of Embrace"),
                    only("I declare a personal interest in item 7 as I am a trustee of Embrace"));
        }

        @Test
        void a_prejudicial_interest_in_a_sub_item_keeps_the_item_number() {
            assertEquals(new Command.Declare(null, "5.2", InterestKind.PREJUDICIAL,
                            "my spouse works for the contractor"),
                    only("declare a prejudicial interest in item 5.2 - my spouse works for the contractor"));
        }

        @Test
        void the_secretary_records_a_members_pecuniary_interest() {
            assertEquals(new Command.Declare("Jon Leigh", "8", InterestKind.PECUNIARY,
                            "he is a shareholder of the fleet supplier"),
                    only("Jon Leigh declared a pecuniary interest in item 8 as he is a shareholder of the fleet "
                            + "supplier."));
        }

        @Test
        void a_declaration_with_nothing_after_the_item_is_refused_rather_than_recorded_as_punctuation() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, only("declare item 7:"));

            assertEquals("A declaration needs the interest itself.", invalid.problem());
        }

        @Test
        void declarations_alone_lists_the_declarations() {
            assertEquals(new Command.ListDeclarations(), only("declarations"));
            assertEquals(new Command.ListDeclarations(), only("list declarations"));
        }
    }

    @Nested
    class Actions {

        @Test
        void a_line_pasted_in_italics_reads_as_it_would_without_them() {
            assertEquals(only("Action: Constabulary to bring a report on fleet costs to the next Board."),
                    only("*Action: Constabulary to bring a report on fleet costs to the next Board.*"));
            assertEquals(new Command.NoDeclarations(), only("_There were no declarations of interest._"));
        }


        @Test
        void the_2022_action_line_names_the_constabulary_as_owner_and_the_next_board_in_may_as_target() {
            assertEquals(minuteAction("Constabulary to bring a report on Safer Streets Project to the next Board in May",
                            "Constabulary", "the next Board in May"),
                    only("Action: Constabulary to bring a report on Safer Streets Project to the next Board in May."));
        }

        @Test
        void the_2022_paragraph_5_7_then_its_action_sets_the_item_then_records_the_action() {
            String pasted = "- 5.7 The Assistant Chief Constable advised that the Constabulary has a Neighbourhood "
                    + "Prevention Group, which is specifically focused on Prevention.\n\n"
                    + "Action: Constabulary to bring a report on Safer Streets Project to the next Board in May.";

            assertEquals(List.of(new Command.SetItem("5.7"),
                            minuteAction("Constabulary to bring a report on Safer Streets Project to the next Board in "
                                    + "May", "Constabulary", "the next Board in May")),
                    parse(pasted));
        }

        @Test
        void an_action_heading_then_an_italic_numbered_line_records_the_action_without_asterisks() {
            Command action = only("Action:\n\n- (i) *The Commissioner is to sign a Decision Notice on the approval of "
                    + "the spend for additional Constabulary resources.*");

            assertEquals(minuteAction("The Commissioner is to sign a Decision Notice on the approval of the spend for "
                    + "additional Constabulary resources", "The Commissioner", null), action);
            assertFalse(((Command.RecordAction) action).text().contains("*"));
        }

        @Test
        void a_bold_numbered_action_heading_sets_the_item_and_an_italic_action_has_no_owner_to_guess() {
            assertEquals(List.of(new Command.SetItem("5.5"),
                            minuteAction("To seek a meeting between the Commissioner, Chief Constable and Policing "
                                    + "Minister Brandon Lewis MP", null, null)),
                    parse("- 5.5 **Action:**\n - (i) *To seek a meeting between the Commissioner, Chief Constable and "
                            + "Policing Minister Brandon Lewis MP.*"));
        }

        @Test
        void a_stray_closing_asterisk_does_not_leak_into_the_action() {
            assertEquals(List.of(new Command.SetItem("8.4"),
                            minuteAction("The Commissioner to notify the Police and Crime Panel of any future decisions "
                                    + "regarding collaboration", "The Commissioner", null)),
                    parse("8.4 Action:\n\n- (i) The Commissioner to notify the Police and Crime Panel of any future "
                            + "decisions regarding collaboration.*"));
        }

        @Test
        void each_numbered_line_under_one_heading_is_its_own_action_until_the_next_paragraph() {
            assertEquals(List.of(
                            minuteAction("Travel savings as a consequence from the OPCC moving to Constabulary "
                                    + "headquarters be added to the budget", null, null),
                            minuteAction("Constabulary to report back to the May Board", "Constabulary", "the May Board"),
                            new Command.SetItem("12")),
                    parse("Action:\n(i) *Travel savings as a consequence from the OPCC moving to Constabulary "
                            + "headquarters be added to the budget.*\n(ii) *Constabulary to report back to the May "
                            + "Board.*\n12. Mental Health and Policing"));
        }

        @Test
        void an_action_wrapped_over_a_line_break_keeps_its_target() {
            assertEquals(minuteAction("Chief Constable to report back to the July 2019 Board on the reasons for the "
                            + "increase in sickness levels", "Chief Constable", "the July 2019 Board"),
                    only("Action: Chief Constable to report back to the July 2019\nBoard on the reasons for the "
                            + "increase in sickness levels."));
        }

        @Test
        void the_short_form_takes_text_owner_due_meeting_and_item() {
            assertEquals(new Command.RecordAction("Bring the estates report", "Constabulary", "the May Board", "5",
                            true),
                    only("action Bring the estates report owner: Constabulary due: the May Board item: 5"));
        }

        @Test
        void the_short_form_takes_a_due_date_and_a_sub_item() {
            assertEquals(new Command.RecordAction("Review the estates strategy", "Jon Leigh", "26/05/2027", "5.7", true),
                    only("action Review the estates strategy owner: Jon Leigh due: 26/05/2027 item: 5.7"));
        }

        @Test
        void the_short_form_without_owner_still_reads_minute_language() {
            assertEquals(minuteAction("Constabulary to bring a report on fleet to the next Board", "Constabulary",
                            "the next Board"),
                    only("action Constabulary to bring a report on fleet to the next Board"));
        }

        @Test
        void the_short_form_rejects_an_item_that_is_not_a_number() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, only("action Report item: x7"));

            assertEquals("\"x7\" is not an agenda item number.", invalid.problem());
        }

        @Test
        void minute_language_with_a_date_not_on_the_calendar_shows_the_sentence_with_the_date_to_write() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class,
                    only("Action: Jane Gifford to review the estates strategy by 31/02/2027."));

            assertEquals("\"31/02/2027\" is not a date on the calendar. Write dates day first, dd/mm/yyyy: 26/05/2022 "
                    + "or 26th May 2022.", invalid.problem());
            assertEquals("Action: Jane Gifford to review the estates strategy by dd/mm/yyyy", invalid.howToSayIt());
        }

        @Test
        void minute_language_carrying_the_short_forms_owner_field_is_read_as_the_short_form() {
            Command.RecordAction action = assertInstanceOf(Command.RecordAction.class,
                    only("Action: Review the risk register owner: Nina Hart due: the next Board item: 5.2"));

            assertEquals(new Command.RecordAction("Review the risk register", "Nina Hart", "the next Board", "5.2",
                    true), action);
        }

        @Test
        void the_short_form_rejects_a_due_that_is_no_target() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class,
                    only("action Report owner: Constabulary due: someday soon"));

            assertTrue(invalid.problem().startsWith("I can't read \"someday soon\" as a target."), invalid.problem());
        }

        @Test
        void action_12_owner_moves_the_action_to_a_new_owner() {
            assertEquals(new Command.SetActionOwner(12, "Constabulary"), only("action 12 owner Constabulary"));
            assertEquals(new Command.SetActionOwner(12, "Jon Leigh"), only("action 12.0 owner: Jon Leigh"));
        }

        @Test
        void action_12_due_moves_its_target() {
            assertEquals(new Command.SetActionTarget(12, "26/05/2027"), only("action 12 due 26/05/2027"));
            assertEquals(new Command.SetActionTarget(12, "the next Board"), only("action 12 due the next Board"));
        }

        @Test
        void action_12_owner_with_no_owner_asks_for_one() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, only("action 12 owner"));

            assertEquals("Say what the new owner is.", invalid.problem());
        }

        @Test
        void owner_answers_the_question_of_who_owns_a_pending_action() {
            assertEquals(new Command.AnswerOwner("Constabulary"), only("owner: Constabulary"));
        }

        @Test
        void the_action_log_is_asked_for_in_so_many_words() {
            assertEquals(new Command.ActionLog(), only("action log"));
            assertEquals(new Command.ActionLog(), only("Show the action log."));
        }

        @Test
        void a_quoted_framework_action_is_not_an_action_of_the_board() {
            assertEquals(List.of(new Command.Unknown("- Action 2: Challenge and address sexism and misogyny within "
                            + "Policing.", null)),
                    parse("- Action 2: Challenge and address sexism and misogyny within Policing."));
        }

        @Test
        void the_action_log_read_out_by_number_records_no_new_action() {
            for (String readOut : List.of(
                    "- Action 11.0; Agenda Item 4.0, 16th December 2021 – Performance Reporting",
                    "Action 10.0, Agenda Item 4.3, 16th December 2021 – Further narrative is required",
                    "Action no. 50.0, Agenda Item 13.0, 20th January 2021 – Fenshire Southern\nPolice Station")) {
                assertTrue(parse(readOut).stream().noneMatch(Command.RecordAction.class::isInstance),
                        "an existing action read out is not a new one: " + parse(readOut));
            }
        }

        @Test
        void an_action_text_at_the_limit_is_accepted() {
            String text = "x".repeat(CommandParser.MAX_ACTION_TEXT);

            assertEquals(new Command.RecordAction(text, "Constabulary", null, null, true),
                    only("action " + text + " owner: Constabulary"));
        }

        @Test
        void an_action_text_over_the_limit_is_refused_with_its_length_and_the_limit() {
            int length = CommandParser.MAX_ACTION_TEXT + 1;

            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class,
                    only("action " + "x".repeat(length) + " owner: Constabulary"));

            assertTrue(invalid.problem().startsWith("That action is " + length + " characters long; an action can "
                    + "have at most " + CommandParser.MAX_ACTION_TEXT + "."), invalid.problem());
            assertTrue(invalid.howToSayIt().startsWith("action <what is to be done>"), invalid.howToSayIt());
        }

        @Test
        void a_minute_action_over_the_limit_is_refused_too() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class,
                    only("Action: Constabulary to " + "report ".repeat(400)));

            assertTrue(invalid.problem().contains("an action can have at most " + CommandParser.MAX_ACTION_TEXT),
                    invalid.problem());
        }

        @Test
        void an_action_with_an_impossible_date_is_refused_naming_the_format() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class,
                    only("Action: Constabulary to report by 31/02/2027."));

            assertTrue(invalid.problem().startsWith("\"31/02/2027\" is not a date on the calendar."),
                    invalid.problem());
            assertEquals("Action: Constabulary to report by dd/mm/yyyy", invalid.howToSayIt());
        }

        @Test
        void a_short_form_due_that_is_impossible_is_refused_naming_the_format() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class,
                    only("action Report on fleet owner: Constabulary due: 31/02/2027"));

            assertTrue(invalid.problem().startsWith("\"31/02/2027\" is not a date on the calendar."),
                    invalid.problem());
            assertTrue(invalid.problem().contains("dd/mm/yyyy"), invalid.problem());
        }
    }

    @Nested
    class AgendaItems {

        @Test
        void the_numbered_paragraph_5_7_sets_the_item_and_records_nothing_else() {
            assertEquals(List.of(new Command.SetItem("5.7")),
                    parse("- 5.7 The Assistant Chief Constable advised that the Constabulary has a Neighbourhood "
                            + "Prevention Group, which is specifically focused on Prevention."));
        }

        @Test
        void item_5_7_sets_the_item() {
            assertEquals(new Command.SetItem("5.7"), only("item 5.7"));
            assertEquals(new Command.SetItem("11"), only("agenda item 11"));
        }

        @Test
        void agenda_headings_with_letters_and_full_stops_set_the_item() {
            assertEquals(List.of(new Command.SetItem("4a")), parse("4a Revenue Outturn"));
            assertEquals(List.of(new Command.SetItem("12")), parse("12. Mental Health and Policing"));
            assertEquals(List.of(new Command.SetItem("4a.5")), parse("4a.5 Action:"));
        }

        @Test
        void a_wrapped_line_that_starts_with_a_count_does_not_change_the_item() {
            String pasted = "The report set out the recommendations made by the inspectorate to the\n"
                    + "Constabulary and the OPCC;\n"
                    + "6 recommendations (4 for the Chief Constable and 2 for the Commissioner) were\n"
                    + "accepted.\n"
                    + "Action: Constabulary to report progress on the recommendations to the next Board.";

            assertEquals(List.of(minuteAction("Constabulary to report progress on the recommendations to the next "
                    + "Board", "Constabulary", "the next Board")), parse(pasted));
        }
    }

    @Nested
    class Meetings {

        @Test
        void the_2016_next_meeting_sentence_gives_date_time_and_place() {
            assertEquals(new Command.NextMeeting(LocalDate.of(2016, 11, 10), LocalTime.of(14, 0),
                            "Police Headquarters", true),
                    only("The next meeting will be held on 10th November 2016 at 14:00 at Police Headquarters."));
        }

        @Test
        void the_2022_next_scheduled_board_sentence_gives_the_date() {
            assertEquals(new Command.NextMeeting(LocalDate.of(2022, 5, 26), null, null, true),
                    only("The next scheduled Board is 26th May 2022."));
        }

        @Test
        void the_short_form_gives_date_and_time() {
            assertEquals(new Command.NextMeeting(LocalDate.of(2022, 5, 26), LocalTime.of(10, 0), null),
                    only("next meeting 26/05/2022 10:00"));
        }

        @Test
        void the_short_form_names_microsoft_teams_as_the_minutes_do() {
            assertEquals(new Command.NextMeeting(LocalDate.of(2027, 5, 26), LocalTime.of(10, 30),
                            "Via Microsoft Teams"),
                    only("next meeting 26th May 2027 at 10.30 via Microsoft Teams"));
        }

        @Test
        void an_impossible_next_meeting_date_is_refused_naming_dd_mm_yyyy() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, only("next meeting 31/02/2022"));

            assertEquals("\"31/02/2022\" is not a date on the calendar. Write dates day first, dd/mm/yyyy: "
                    + "26/05/2022 or 26th May 2022.", invalid.problem());
            assertEquals("next meeting 26/05/2026 10:00 at Police Headquarters", invalid.howToSayIt());
        }

        @Test
        void a_next_meeting_with_no_date_says_so() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, only("next meeting soon"));

            assertEquals("I could not find a date in \"soon\".", invalid.problem());
        }

        @Test
        void start_meeting_starts_today_s_meeting_or_the_one_on_the_date_given() {
            assertEquals(new Command.StartMeeting(null), only("start meeting"));
            assertEquals(new Command.StartMeeting(null), only("Start the meeting"));
            assertEquals(new Command.StartMeeting(LocalDate.of(2026, 11, 23)), only("start meeting 23/11/2026"));
        }

        @Test
        void start_meeting_with_an_impossible_date_is_refused() {
            Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, only("start meeting 29/02/2027"));

            assertTrue(invalid.problem().startsWith("\"29/02/2027\" is not a date on the calendar."),
                    invalid.problem());
            assertEquals("start meeting 26/05/2026", invalid.howToSayIt());
        }

        @Test
        void end_meeting_ends_it() {
            assertEquals(new Command.EndMeeting(), only("end meeting"));
            assertEquals(new Command.EndMeeting(), only("Close the meeting."));
        }

        @Test
        void several_short_commands_typed_on_their_own_lines_are_each_read() {
            assertEquals(List.of(new Command.StartMeeting(null),
                            new Command.RecordApologies(List.of(person("Jon Leigh", null), person("Jane Gifford", null))),
                            new Command.NoDeclarations()),
                    parse("start meeting\napologies Jon Leigh, Jane Gifford\nThere were no declarations of interest."));
        }
    }

    @Nested
    class TheBoard {

        @Test
        void board_name_renames_the_board() {
            assertEquals(new Command.BoardName("Business Coordination Board"),
                    only("board name Business Coordination Board"));
        }

        @Test
        void chair_and_secretary_name_the_person_as_the_bot_receives_a_mention() {
            Mention darryl = new Mention("29:darryl", "Darryl Prest");
            ParseContext mentioned = new ParseContext(TODAY, List.of(), List.of(), List.of(darryl));

            assertEquals(new Command.AssignRole(BoardRole.CHAIR, "Darryl Prest"),
                    only("chair Darryl Prest", mentioned));
            assertEquals(new Command.AssignRole(BoardRole.SECRETARY, "Claire Dunmore"), only("secretary: Claire Dunmore"));
        }

        @Test
        void role_with_a_mention_gives_the_title_after_the_mentioned_name() {
            ParseContext mentioned = new ParseContext(TODAY, List.of(), List.of(),
                    List.of(new Mention("29:jon", "Jon Leigh")));

            assertEquals(new Command.SetTitle("Jon Leigh", "Chief Finance Officer and Director of Resources"),
                    only("role Jon Leigh Chief Finance Officer and Director of Resources", mentioned));
        }

        @Test
        void link_names_the_minutes_person_then_the_teams_person_and_needs_the_equals_sign() {
            ParseContext mentioned = new ParseContext(TODAY, List.of(), List.of(),
                    List.of(new Mention("29:nina", "Nina Hart")));

            assertEquals(new Command.LinkPerson("Nina Hart", "Nina Hart"), only("link Nina Hart = Nina Hart", mentioned));
            assertEquals(new Command.LinkPerson("Sam Reed", "Samuel Reed"), only("Link Sam Reed = @Samuel Reed."));
            assertInstanceOf(Command.Invalid.class, only("link Sam Reed ="));
            assertInstanceOf(Command.Invalid.class, only("link = @Nina Hart"));
            // Minutes that say "link" without "=" are not the command.
            assertFalse(only("Link the report to the estates strategy.") instanceof Command.LinkPerson);
        }

        @Test
        void role_without_a_mention_needs_a_comma_between_name_and_title() {
            assertEquals(new Command.SetTitle("Jon Leigh", "Chief Finance Officer"),
                    only("role Jon Leigh, Chief Finance Officer"));
            assertInstanceOf(Command.Invalid.class, only("role Jon Leigh"));
        }

        @Test
        void the_2022_header_gives_members_and_those_in_attendance_with_their_titles() {
            String header = "Members: Jim Haylett Chief Executive, Office of the Police and Crime Commissioner\n\n"
                    + "Nick Dean Chief Constable, Fenshire Constabulary\n\n"
                    + "In Attendance: Louisa Barry Chief Constable's Staff Officer, Fenshire Constabulary\n\n"
                    + "Claire Dunmore Business Support Officer, Office of the Police and Crime Commissioner";

            assertEquals(new Command.RosterTitles(
                            List.of(person("Jim Haylett", "Chief Executive, Office of the Police and Crime Commissioner"),
                                    person("Nick Dean", "Chief Constable, Fenshire Constabulary")),
                            List.of(person("Louisa Barry", "Chief Constable's Staff Officer, Fenshire Constabulary"),
                                    person("Claire Dunmore", "Business Support Officer, Office of the Police and Crime "
                                            + "Commissioner"))),
                    only(header));
        }

        @Test
        void members_on_one_line_with_semicolons_and_an_alias() {
            assertEquals(new Command.RosterTitles(
                            List.of(new NamedPerson("Darryl Prest", "Police and Crime Commissioner", "Commissioner"),
                                    person("Jon Leigh", "Chief Finance Officer and Director of Resources")),
                            List.of(person("Claire Dunmore", "Business Support Officer"))),
                    only("Members: Police and Crime Commissioner (the “Commissioner”) Darryl Prest; Jon Leigh, Chief "
                            + "Finance Officer and Director of Resources In attendance: Claire Dunmore, Business "
                            + "Support Officer"));
        }

        @Test
        void undo_undoes() {
            assertEquals(new Command.Undo(), only("undo"));
        }
    }

    @Nested
    class HelpAndNonsense {

        @ParameterizedTest(name = "\"{0}\" asks for help")
        @ValueSource(strings = {"help", "Help!", "?", "commands", "what can you do?"})
        void help_in_its_several_forms(String message) {
            assertEquals(new Command.Help(), only(message));
        }

        @Test
        void an_empty_message_gets_help() {
            assertEquals(List.of(new Command.Help()), parse("   "));
            assertEquals(List.of(new Command.Help()), parse(null));
        }

        @Test
        void gibberish_is_unknown_and_keeps_the_text() {
            assertEquals(List.of(new Command.Unknown("flurble wibble 42", null)), parse("flurble wibble 42"));
        }

        @Test
        void a_minute_sentence_that_is_no_statement_is_unknown() {
            String sentence = "The Board noted the report.";

            assertEquals(List.of(new Command.Unknown(sentence, null)), parse(sentence));
        }
    }

    @Nested
    class TheActionLogsLife {

        @Test
        void update_takes_the_number_in_any_of_the_log_s_spellings_and_keeps_the_text_as_written() {
            Command expected = new Command.UpdateAction(12, "Report drafted; goes to the May Board.");
            assertEquals(expected, only("update 12 Report drafted; goes to the May Board."));
            assertEquals(expected, only("update 12.0: Report drafted; goes to the May Board."));
            assertEquals(expected, only("Update action 12 - Report drafted; goes to the May Board."));
        }

        @Test
        void the_minutes_update_line_belongs_to_the_action_under_review() {
            assertEquals(new Command.UpdateAction(null, "A paper was initially requested. The Constabulary advised"
                            + " that they would provide a verbal update."),
                    only("Update: A paper was initially requested. The Constabulary advised that they would provide a"
                            + " verbal update."));
        }

        @Test
        void an_update_without_text_or_far_too_long_is_refused_with_the_way_to_say_it() {
            assertInstanceOf(Command.Invalid.class, only("Update:  "));
            Command tooLong = only("update 3 " + "x".repeat(CommandParser.MAX_UPDATE_TEXT + 1));
            assertTrue(((Command.Invalid) tooLong).problem().contains("at most 4000"), tooLong.toString());
        }

        @Test
        void done_close_reopen_and_keep_open() {
            assertEquals(new Command.ReportDone(12), only("done 12"));
            assertEquals(new Command.ReportDone(12), only("Action 12.0 is complete."));
            assertEquals(new Command.CloseAction(12), only("close 12"));
            assertEquals(new Command.CloseAction(12), only("close action 12.0"));
            assertEquals(new Command.ReopenAction(7), only("reopen 7"));
            assertEquals(new Command.ReopenAction(7), only("re-open action 7"));
            assertEquals(new Command.KeepOpen(7), only("keep 7 open"));
            assertEquals(new Command.History(7), only("history 7"));
        }

        @Test
        void closing_the_meeting_is_not_closing_an_action() {
            assertEquals(new Command.EndMeeting(), only("close meeting"));
        }

        @Test
        void the_log_s_filters_and_my_actions() {
            assertEquals(new Command.ActionLog(true, null), only("action log overdue"));
            assertEquals(new Command.ActionLog(false, "Constabulary"), only("action log owner Constabulary"));
            assertEquals(new Command.ActionLog(false, "Jon Leigh"), only("actions for Jon Leigh"));
            assertEquals(new Command.MyActions(), only("my actions"));
        }

        @Test
        void the_minutes_review_heading_takes_up_that_action_and_its_update_follows() {
            List<Command> commands = parse("""
                    - Action 10.0, Agenda Item 4.3, 16th December 2021 – Further narrative is required

                    Update: A paper was initially requested.""");
            assertEquals(List.of(new Command.ReviewAction(10), new Command.UpdateAction(null,
                    "A paper was initially requested.")), commands);
            assertEquals(new Command.ReviewAction(11), only("Action 11.0; Agenda Item 4.0, 16th December 2021 –"
                    + " Performance Reporting"));
            assertEquals(new Command.ReviewActions(), only("review actions"));
        }

        @Test
        void a_body_maps_to_the_people_who_answer_for_it() {
            assertEquals(new Command.MapBody("Constabulary", List.of("@Jo Grant", "@Louisa Barry")),
                    only("owner Constabulary = @Jo Grant, @Louisa Barry"));
            assertEquals(new Command.MapBody("OPCC", List.of("Jon Leigh", "Jane Gifford")),
                    only("owner the OPCC = Jon Leigh and Jane Gifford"));
            assertInstanceOf(Command.Invalid.class, only("owner Constabulary = ,"));
        }

        @Test
        void minutes_approval_needs_a_real_date() {
            assertEquals(new Command.ApproveMinutes(LocalDate.of(2026, 5, 26)), only("approve minutes 26/05/2026"));
            assertEquals(new Command.ApproveMinutes(LocalDate.of(2022, 1, 20)),
                    only("approve the minutes of the meeting on 20th January 2022"));
            assertInstanceOf(Command.Invalid.class, only("approve minutes 31/02/2026"));
            assertInstanceOf(Command.Invalid.class, only("approve minutes soon"));
            assertEquals(new Command.ApproveMinutes(null), only("approve the minutes of the last meeting"));
            assertEquals(new Command.ApproveMinutes(null), only("approve minutes of the previous meeting as a true"
                    + " record"));
        }

        @Test
        void markings_drafts_and_exports() {
            assertEquals(new Command.SetMarking("OFFICIAL-SENSITIVE"), only("marking official sensitive"));
            assertEquals(new Command.SetMarking(null), only("marking none"));
            assertInstanceOf(Command.Invalid.class, only("marking SECRET"));
            assertEquals(new Command.DraftMinutes(), only("draft minutes"));
            assertEquals(new Command.Export("csv"), only("export csv"));
            assertEquals(new Command.Export("docx"), only("export the action log as Word"));
            assertEquals(new Command.Export("docx"), only("export"));
        }

        @Test
        void an_update_runs_on_over_paragraphs_and_bullets_until_the_next_heading() {
            List<Command> commands = parse("""
                    - Action 4.0, Agenda Item 6.1, 14th October 2026 – Fleet replacement

                    Update: The fleet review has started. The open questions are;

                    - The cost of electric vans.
                    - Charging at rural stations.

                    The next scheduled Board is 26th May 2027. The review reports then.

                    - Action 5.0, Agenda Item 6.2, 14th October 2026 – Estates

                    Update: Complete.

                    7. Any Other Business""");
            assertEquals(List.of(new Command.ReviewAction(4), new Command.UpdateAction(null, """
                            The fleet review has started. The open questions are;
                            - The cost of electric vans.
                            - Charging at rural stations.
                            The next scheduled Board is 26th May 2027. The review reports then."""),
                    new Command.ReviewAction(5), new Command.UpdateAction(null, "Complete."), new Command.SetItem("7")),
                    commands, "the meeting date inside the update is not a new schedule");
        }

        @Test
        void a_minute_line_about_moving_something_without_dates_is_not_a_meeting_move() {
            assertEquals(List.of(new Command.Unknown("Reschedule the meeting with the Fire Service to next week.",
                    null)), parse("Reschedule the meeting with the Fire Service to next week."));
            assertInstanceOf(Command.MoveMeeting.class, only("move meeting 11/02/2027 to 18/02/2027"));
        }

        @Test
        void a_minute_sentence_that_starts_with_marking_is_not_the_marking_command() {
            assertEquals(List.of(new Command.Unknown("Marking criteria for the community grants were agreed.",
                    null)), parse("Marking criteria for the community grants were agreed."));
            assertEquals(new Command.SetMarking("OFFICIAL-SENSITIVE"), only("marking official sensitive"));
            assertInstanceOf(Command.Invalid.class, only("marking OFFICAL"));
        }

        @Test
        void a_minute_sentence_that_starts_with_update_and_a_count_is_not_an_update_to_that_action() {
            assertEquals(List.of(new Command.Unknown("Update 12 months on: the programme has delivered its first"
                    + " phase.", null)), parse("Update 12 months on: the programme has delivered its first phase."));
            assertEquals(new Command.UpdateAction(12, "Report drafted."), only("update 12 Report drafted."));
        }

        @Test
        void a_quoted_framework_action_and_item_is_not_the_minutes_review_heading() {
            List<Command> commands = parse("Action 2, item 4 of the framework was discussed by the Board.");
            assertTrue(commands.stream().noneMatch(Command.ReviewAction.class::isInstance), commands.toString());
            assertEquals(List.of(new Command.ReviewAction(11)),
                    parse("Action 11.0; Agenda Item 4.0, 16th December 2025 – Performance Reporting"));
            assertEquals(List.of(new Command.ReviewAction(50)),
                    parse("Action no. 50.0, Agenda Item 13.0, 20th January 2025 – Fenshire Southern"));
        }

        @Test
        void an_empty_bullet_left_in_pasted_minutes_is_not_part_of_the_update() {
            List<Command> commands = parse("""
                    - Action 8.0, Agenda Item 5.0, 3rd March 2026 – Estates

                    Update: The Board noted that the estates paper was taken at Agenda Item 7.0.

                    •

                    - Action 9.0, Agenda Item 6.0, 3rd March 2026 – Fleet""");
            assertEquals(List.of(new Command.ReviewAction(8), new Command.UpdateAction(null,
                            "The Board noted that the estates paper was taken at Agenda Item 7.0."),
                    new Command.ReviewAction(9)), commands);
        }

        @Test
        void an_update_ends_at_a_heading_whose_number_stands_on_its_own_line() {
            List<Command> commands = parse("""
                    - Action 7.0, Agenda Item 9.0, 3rd March 2026 – Custody audit

                    Update: The audit was received and the Board agreed to close the action.

                    6.

                    Fleet Strategy

                    6.1

                    The Head of Transport presented the fleet strategy to the Board. The paper sets out
                    the plan for the next five years.""");
            assertEquals(new Command.UpdateAction(null,
                            "The audit was received and the Board agreed to close the action."),
                    commands.stream().filter(Command.UpdateAction.class::isInstance).findFirst().orElseThrow(),
                    "the next agenda item is not part of the update: " + commands);
        }

    }

    @Test
    void attendance_and_quorum() {
        assertEquals(new Command.Attendance(), only("attendance"));
        assertEquals(new Command.Attendance(), only("show the attendance report"));
        assertEquals(new Command.Quorum(true, null), only("quorum"));
        assertEquals(new Command.Quorum(false, 5), only("quorum 5"));
        assertEquals(new Command.Quorum(false, 5), only("the quorum is 5 members"));
        assertEquals(new Command.Quorum(false, null), only("quorum off"));
        assertInstanceOf(Command.Invalid.class, only("quorum 0"));
        assertInstanceOf(Command.Invalid.class, only("quorum five"));
    }

    @Test
    void calendar() {
        assertEquals(new Command.Calendar(Command.Calendar.Mode.SHOW, null, null), only("calendar"));
        assertEquals(new Command.Calendar(Command.Calendar.Mode.OFF, null, null), only("calendar off"));
        assertEquals(new Command.Calendar(Command.Calendar.Mode.SYNC, null, null), only("Calendar sync"));
        assertEquals(new Command.Calendar(Command.Calendar.Mode.SET, "claire.dunmore@fenshire.example", null),
                only("calendar claire.dunmore@fenshire.example"));
        assertEquals(new Command.Calendar(Command.Calendar.Mode.SET, "claire.dunmore@fenshire.example",
                "Fenshire Board"), only("calendar claire.dunmore@fenshire.example series \"Fenshire Board\""));
        assertEquals(new Command.Calendar(Command.Calendar.Mode.SET, "claire.dunmore@fenshire.example",
                "Fenshire Board"), only("calendar <claire.dunmore@fenshire.example> series \u201cFenshire Board\u201d"));
        assertInstanceOf(Command.Invalid.class, only("calendar Claire Dunmore"));
        assertTrue(parse("Calendar of meetings for 2027 was agreed.").stream()
                .noneMatch(c -> c instanceof Command.Calendar || c instanceof Command.Invalid));
        assertInstanceOf(Command.Invalid.class, only("calendar ../../me@x.example"));
        assertInstanceOf(Command.Invalid.class, only("calendar claire.dunmore@fenshire.example series \"\""));
        assertEquals(new Command.Calendar(Command.Calendar.Mode.FOLLOW, "claire.dunmore@fenshire.example",
                "Fenshire Board"), only("calendar follow claire.dunmore@fenshire.example series \"Fenshire Board\""));
        assertInstanceOf(Command.Invalid.class, only("calendar follow claire.dunmore@fenshire.example"),
                "following needs the series' exact subject");
    }
}
