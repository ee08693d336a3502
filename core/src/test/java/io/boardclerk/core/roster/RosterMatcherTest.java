package io.boardclerk.core.roster;

import io.boardclerk.core.model.Person;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RosterMatcherTest {

    private static final long BOARD = 1;

    private static Person onRoster(long id, String name, String title) {
        return new Person(id, BOARD, "29:" + id, "aad-" + id, name, title, null, true);
    }

    private static Person fromMinutes(long id, String name, String title) {
        return new Person(id, BOARD, null, null, name, title, null, false);
    }

    private static final Person NICK = onRoster(1, "Nick Dean", "Chief Constable, Fenshire Constabulary");
    private static final Person JANE = onRoster(2, "Jane Gifford", "Deputy Chief Constable, Fenshire Constabulary");
    private static final Person JON = onRoster(3, "Jon Leigh",
            "Chief Finance Officer and Director of Resources, Fenshire Constabulary");
    private static final Person NIKI = onRoster(4, "Niki Howard", "Director of Finance and Resources");
    private static final Person DARRYL = new Person(5, BOARD, "29:5", "aad-5", "Darryl Prest",
            "Police and Crime Commissioner", "Commissioner", true);
    private static final Person LOUISA = onRoster(6, "Louisa Barry",
            "Chief Constable’s Staff Officer, Fenshire Constabulary");
    private static final Person CLAIRE = onRoster(7, "Claire Dunmore",
            "Business Support Officer, Office of the Police and Crime Commissioner");

    private static final List<Person> BOARD_PEOPLE = List.of(NICK, JANE, JON, NIKI, DARRYL, LOUISA, CLAIRE);

    private static Person unique(Match match) {
        return assertInstanceOf(Match.Unique.class, match, "expected one person, got " + match).person();
    }

    private static RosterMatcher roster(Person... people) {
        return new RosterMatcher(List.of(people), List.of());
    }

    private final RosterMatcher matcher = new RosterMatcher(BOARD_PEOPLE, List.of());

    @Test
    void a_full_name_finds_the_person() {
        assertEquals(JANE, unique(matcher.match("Jane Gifford")));
    }

    @Test
    void a_full_name_is_matched_without_regard_to_case_spacing_or_full_stops() {
        assertEquals(JANE, unique(matcher.match("  jane   GIFFORD. ")));
    }

    @Test
    void the_chief_constable_as_the_minutes_say_it_finds_the_holder_of_that_title() {
        assertEquals(NICK, unique(matcher.match("the Chief Constable")));
        assertEquals(NICK, unique(matcher.match("Chief Constable")));
    }

    @Test
    void the_deputy_chief_constable_is_not_confused_with_the_chief_constable() {
        assertEquals(JANE, unique(matcher.match("the Deputy Chief Constable")));
    }

    @Test
    void the_full_title_with_its_organisation_also_finds_the_person() {
        assertEquals(NICK, unique(matcher.match("Chief Constable, Fenshire Constabulary")));
    }

    @Test
    void each_half_of_a_joint_title_finds_its_holder() {
        assertEquals(JON, unique(matcher.match("the Chief Finance Officer")));
        assertEquals(JON, unique(matcher.match("the Director of Resources")));
    }

    @Test
    void a_title_with_a_curly_apostrophe_matches_one_typed_with_a_straight_one() {
        assertEquals(LOUISA, unique(matcher.match("the Chief Constable's Staff Officer")));
    }

    @Test
    void initials_find_the_one_person_they_belong_to() {
        assertEquals(NIKI, unique(matcher.match("NH")));
        assertEquals(JON, unique(matcher.match("JL")));
    }

    @Test
    void initials_in_lower_case_are_not_read_as_initials() {
        assertInstanceOf(Match.None.class, matcher.match("nh"));
    }

    @Test
    void initials_two_people_share_are_a_question() {
        Person jane = onRoster(10, "Jane Lewis", null);

        Match match = roster(JON, jane).match("JL");

        assertEquals(Set.of(JON, jane), Set.copyOf(assertInstanceOf(Match.Ambiguous.class, match).candidates()));
    }

    @Test
    void the_short_name_the_minutes_gave_finds_the_person() {
        assertEquals(DARRYL, unique(matcher.match("the Commissioner")));
        assertEquals(DARRYL, unique(matcher.match("Commissioner")));
    }

    @Test
    void the_commissioner_is_found_by_full_title_too() {
        assertEquals(DARRYL, unique(matcher.match("the Police and Crime Commissioner")));
    }

    @Test
    void an_at_mention_finds_the_person_by_teams_id_not_by_name() {
        Person jonathan = onRoster(20, "Jonathan Leigh", "Head of Estates");
        RosterMatcher withMention = new RosterMatcher(List.of(JON, jonathan),
                List.of(new Mention("29:20", "Jon Leigh")));

        assertEquals(jonathan, unique(withMention.match("Jon Leigh")),
                "the mention named \"Jon Leigh\" points at Teams user 29:20, whatever the roster calls them");
    }

    @Test
    void an_at_mention_settles_two_namesakes() {
        Person otherJon = onRoster(21, "Jon Leigh", "Head of Fleet");
        RosterMatcher withMention = new RosterMatcher(List.of(JON, otherJon), List.of(new Mention("29:21", "Jon Leigh")));

        assertEquals(otherJon, unique(withMention.match("Jon Leigh")));
    }

    @Test
    void a_mention_of_someone_not_on_the_board_falls_back_to_the_name() {
        RosterMatcher withMention = new RosterMatcher(BOARD_PEOPLE, List.of(new Mention("29:999", "Jane Gifford")));

        assertEquals(JANE, unique(withMention.match("Jane Gifford")));
    }

    @Test
    void a_first_name_only_one_person_has_finds_them() {
        assertEquals(CLAIRE, unique(matcher.match("Claire")));
        assertEquals(LOUISA, unique(matcher.match("Barry")));
    }

    @Test
    void two_people_with_the_same_first_name_are_a_question_not_a_guess() {
        Person jonSmith = onRoster(30, "Jon Smith", "Head of Business Change");

        Match match = roster(JON, jonSmith, JANE).match("Jon");

        Match.Ambiguous ambiguous = assertInstanceOf(Match.Ambiguous.class, match);
        assertEquals(Set.of(JON, jonSmith), Set.copyOf(ambiguous.candidates()));
    }

    @Test
    void two_holders_of_the_same_title_are_a_question() {
        Person vicki = onRoster(31, "Vic Evers", "Assistant Chief Constable, Fenshire Constabulary");
        Person nav = onRoster(32, "Nav Malik", "Assistant Chief Constable, Fenshire Constabulary");

        Match match = roster(vicki, nav, NICK).match("the Assistant Chief Constable");

        assertEquals(Set.of(vicki, nav), Set.copyOf(assertInstanceOf(Match.Ambiguous.class, match).candidates()));
    }

    @Test
    void a_full_name_beats_a_first_name_someone_else_shares() {
        Person jonSmith = onRoster(30, "Jon Smith", null);

        assertEquals(JON, unique(roster(JON, jonSmith).match("Jon Leigh")));
    }

    @Test
    void someone_unknown_is_no_match() {
        assertInstanceOf(Match.None.class, matcher.match("Matthew Ward"));
        assertInstanceOf(Match.None.class, matcher.match("the Director of Estates"));
        assertInstanceOf(Match.None.class, matcher.match("OPCC"));
    }

    @Test
    void blank_or_missing_text_is_no_match() {
        assertInstanceOf(Match.None.class, matcher.match(""));
        assertInstanceOf(Match.None.class, matcher.match("   "));
        assertInstanceOf(Match.None.class, matcher.match(null));
    }

    @Test
    void a_person_on_the_teams_roster_is_preferred_to_a_namesake_known_only_from_old_minutes() {
        Person fromOldMinutes = fromMinutes(40, "Colin Lusk", "Director of Estates, OPCC");
        Person inTheChat = onRoster(41, "Colin Lusk", "Strategic Director of Estates, Fenshire Constabulary");

        assertEquals(inTheChat, unique(roster(fromOldMinutes, inTheChat).match("Colin Lusk")));
        assertEquals(inTheChat, unique(roster(inTheChat, fromOldMinutes).match("Colin Lusk")),
                "the order the people were loaded in does not matter");
    }

    @Test
    void two_namesakes_both_known_only_from_minutes_are_a_question() {
        Person one = fromMinutes(50, "Colin Lusk", "Director of Estates, OPCC");
        Person two = fromMinutes(51, "Colin Lusk", "Director of Estates, Fenshire Constabulary");

        assertEquals(Set.of(one, two),
                Set.copyOf(assertInstanceOf(Match.Ambiguous.class, roster(one, two).match("Colin Lusk"))
                        .candidates()));
    }

    @Test
    void someone_known_only_from_the_minutes_is_still_found_by_name() {
        Person matthew = fromMinutes(60, "Matthew Ward", "Chief Finance Officer, Office of the Police and Crime "
                + "Commissioner");

        assertEquals(matthew, unique(roster(NICK, matthew).match("Matthew Ward")));
    }

    @Test
    void the_board_s_initials_and_names_are_listed_for_the_parser() {
        RosterMatcher small = roster(NICK, NIKI, JON);

        // Initials first, then the abbreviations of the roster's titles ("CFO"), which the parser reads as people too.
        assertEquals(List.of("ND", "NH", "JL"), small.initials().subList(0, 3));
        assertTrue(small.initials().contains("CFO"), small.initials().toString());
        assertEquals(List.of("Nick Dean", "Niki Howard", "Jon Leigh"), small.names());
    }

    @Test
    void initials_are_taken_from_each_capitalised_word_and_each_part_of_a_hyphenated_name() {
        assertEquals("CL", RosterMatcher.initials("Colin Lusk"));
        assertEquals("JGS", RosterMatcher.initials("Jane Gifford-Smith"));
        assertEquals("DB", RosterMatcher.initials("Dirk van Buren"), "a lower-case particle is no initial");
    }

    @Test
    void normal_form_ignores_case_accents_curly_quotes_and_punctuation() {
        assertEquals("chief constable's staff officer", RosterMatcher.normal("Chief  Constable’s Staff Officer."));
        assertEquals("zoe lefevre", RosterMatcher.normal("Zoë Lefèvre"));
        assertEquals("the commissioner", RosterMatcher.normal("the “Commissioner”"));
    }

    @Test
    void theShortWayForPlainNamesGivesWhatTheGeneralWayGives() {
        List<String> texts = new java.util.ArrayList<>(List.of("Jon Leigh", "Chief Finance Officer and Director of "
                + "Resources, Fenshire Constabulary", "O'Neill", "Jane-Ann Gifford", "JL", "the Chief Constable",
                " Vic Evers", "Vic Evers ", "Vic  Evers", "Vic\tEvers", "Dr. Nina Hart", "Hart; Nina", "Re: \"Nina\"",
                "a", "", " ", "~{}|", "Zoë Lefèvre", "Louisa Barry’s", "Helen\u00A0Marsh", "Claire Dunmore:"));
        java.util.Random random = new java.util.Random(7);
        String alphabet = "aZ .,;:\"'-\t~é’“";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertEquals(RosterMatcher.normalAnyText(text), RosterMatcher.normal(text), "\"" + text + "\"");
        }
    }
}
