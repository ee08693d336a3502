package io.boardclerk.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.boardclerk.core.parse.CommandParser;
import io.boardclerk.core.roster.RosterMatcher;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core is the domain: no Teams SDK, web server, database, JSON, cache, logging or HTTP client types in it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CoreHasNoFrameworkTypesTest {

    static final ArchRule NO_FRAMEWORKS = noClasses().that().resideInAPackage("io.boardclerk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.microsoft..",
                    "com.azure..",
                    "io.javalin..",
                    "java.sql..",
                    "javax.sql..",
                    "org.flywaydb..",
                    "org.sqlite..",
                    "com.fasterxml..",
                    "com.github.benmanes..",
                    "org.slf4j..",
                    "okhttp3..",
                    "org.eclipse.jetty..")
            .because("the core is plain Java; the bot and storage modules adapt it to Teams, HTTP and SQLite");

    private static JavaClasses coreMainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.boardclerk.core");
    }

    @Test
    void core_classes_depend_on_no_framework_package() {
        JavaClasses core = coreMainClasses();

        assertFalse(core.isEmpty(), "the import found no core classes, so the rule would pass vacuously");
        assertTrue(core.contain(CommandParser.class), "the parser is among the imported classes");
        assertTrue(core.contain(RosterMatcher.class), "the roster matcher is among the imported classes");
        assertFalse(core.contain(CoreHasNoFrameworkTypesTest.class), "test classes are not imported");

        NO_FRAMEWORKS.check(core);
    }

    @Test
    void the_rule_fails_for_a_core_class_that_uses_jdbc() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJdbc.class);

        assertThrows(AssertionError.class, () -> NO_FRAMEWORKS.check(offender),
                "a class in io.boardclerk.core that touches java.sql must break the rule");
    }

    /** A deliberate offender, in a core package but only in the tests, to prove the rule has teeth. */
    static final class UsesJdbc {
        java.sql.Connection connection;
    }
}
