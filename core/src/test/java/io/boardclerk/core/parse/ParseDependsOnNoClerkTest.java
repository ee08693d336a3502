package io.boardclerk.core.parse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.boardclerk.core.clerk.Clerk;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser reads words into commands and knows nothing of the clerk that carries them out: the clerk depends on the
 * parser, never the other way round, so the two have no cycle and the grammars can be read and tested alone.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ParseDependsOnNoClerkTest {

    static final ArchRule PARSE_WITHOUT_CLERK = noClasses().that().resideInAPackage("io.boardclerk.core.parse..")
            .should().dependOnClassesThat().resideInAPackage("io.boardclerk.core.clerk..")
            .because("the clerk uses the parser; a parser that used the clerk would make a cycle of the two");

    static final ArchRule NO_CYCLE = slices().matching("io.boardclerk.core.(parse|clerk)..").should().beFreeOfCycles();

    private static JavaClasses coreMainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.boardclerk.core");
    }

    @Test
    void the_parse_package_depends_on_nothing_in_the_clerk_package() {
        JavaClasses core = coreMainClasses();

        assertTrue(core.contain(CommandParser.class), "the parser is among the imported classes");
        assertTrue(core.contain(Clerk.class), "the clerk is among the imported classes");
        assertFalse(core.contain(ParseDependsOnNoClerkTest.class), "test classes are not imported");

        PARSE_WITHOUT_CLERK.check(core);
        NO_CYCLE.check(core);
    }

    @Test
    void the_rules_fail_for_a_parse_class_that_uses_the_clerk() throws Exception {
        // The clerk's reader of messages is the clerk class that uses the parser.
        Class<?> reader = Class.forName("io.boardclerk.core.clerk.MessageReader");
        JavaClasses offender = new ClassFileImporter().importClasses(UsesTheClerk.class, Clerk.class, reader,
                CommandParser.class);

        assertThrows(AssertionError.class, () -> PARSE_WITHOUT_CLERK.check(offender),
                "a class in io.boardclerk.core.parse that touches the clerk must break the rule");
        assertThrows(AssertionError.class, () -> NO_CYCLE.check(offender),
                "the clerk uses the parser, so a parser class that uses the clerk makes a cycle");
    }

    /** A deliberate offender, in the parse package but only in the tests, to prove the rules have teeth. */
    static final class UsesTheClerk {
        Clerk clerk;
    }
}
