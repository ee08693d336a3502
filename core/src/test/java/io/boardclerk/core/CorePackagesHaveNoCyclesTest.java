package io.boardclerk.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import io.boardclerk.core.attendance.AttendanceText;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.core.port.ReminderRepository;
import io.boardclerk.core.sharepoint.MarkdownLink;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core's packages (model, command, parse, clerk, view, reminder, port, ...) depend on each other in one
 * direction only: none reaches back, however indirectly, to one that depends on it, so each can be read, tested and
 * changed from the bottom up.
 *
 * <p>Three back-edges older than this rule are named here, and only they are let through; every other cycle fails:
 * <ul>
 *     <li>{@code attendance} and {@code sharepoint} escape Markdown with the clerk's {@link Md} (Md belongs in a
 *     package of its own below both);</li>
 *     <li>the {@code port} {@link ReminderRepository} names the {@code reminder} package's stored values, while the
 *     reminder services use the ports (the values belong beside the port, or the services in a package above).</li>
 * </ul>
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorePackagesHaveNoCyclesTest {

    static SliceRule noCycles(String packages) {
        return slices().matching(packages).should().beFreeOfCycles()
                .because("a cycle between two packages makes them one package in two places")
                .ignoreDependency(equivalentTo(AttendanceText.class), equivalentTo(Md.class))
                .ignoreDependency(equivalentTo(MarkdownLink.class), equivalentTo(Md.class))
                .ignoreDependency(equivalentTo(ReminderRepository.class),
                        resideInAPackage("io.boardclerk.core.reminder"));
    }

    @Test
    void no_package_of_the_core_depends_back_on_one_that_depends_on_it() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.boardclerk.core");
        assertTrue(core.size() > 100, "the core's classes are imported");

        noCycles("io.boardclerk.core.(*)..").check(core);
    }

    @Test
    void the_rule_fails_for_two_packages_that_use_each_other() {
        JavaClasses offenders = new ClassFileImporter().importClasses(
                io.boardclerk.core.arch.a.UsesB.class, io.boardclerk.core.arch.b.UsesA.class);

        assertThrows(AssertionError.class, () -> noCycles("io.boardclerk.core.arch.(*)..").check(offenders));
    }
}
