package io.boardclerk.bot.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.boardclerk.bot.BoardClerkServer;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who in the bot writes to the store. A write is a call of {@link LedgerStore#inTransaction}, the store's only way to
 * write; only the composition root ({@link BoardClerkServer}) and the jobs ({@code io.boardclerk.bot.jobs}) may make
 * one. Everything else in the bot (turns, effects, endpoints, the command-line commands) writes by asking the core,
 * whose every write is a named operation in one transaction: the clerk for a turn, {@code Bookkeeping} for how a
 * conversation is reached and what an effect found, the reminder outbox for personal chats and deliveries, and the
 * jobs' own core services. And only the composition roots, the server's and the command-line commands', see the
 * storage module: everything else is given the core's ports.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StoreWritesTest {

    private static final DescribedPredicate<JavaMethodCall> A_WRITE_TRANSACTION =
            DescribedPredicate.describe("LedgerStore.inTransaction", call -> call.getName().equals("inTransaction")
                    && call.getTargetOwner().isAssignableTo(LedgerStore.class));

    static final ArchRule WRITES_ONLY_FROM_JOBS_AND_ROOT = noClasses().that().resideInAPackage("io.boardclerk.bot..")
            .and().resideOutsideOfPackage("io.boardclerk.bot.jobs..")
            .and().doNotBelongToAnyOf(BoardClerkServer.class)
            .should().callMethodWhere(A_WRITE_TRANSACTION)
            .because("the bot's turns and effects write through the core's named operations, not transactions of "
                    + "their own");

    static final ArchRule STORAGE_ONLY_IN_ROOTS = noClasses().that().resideInAPackage("io.boardclerk.bot..")
            .and().doNotBelongToAnyOf(BoardClerkServer.class)
            .and().doNotHaveFullyQualifiedName("io.boardclerk.bot.ExportCommand")
            .and().doNotHaveFullyQualifiedName("io.boardclerk.bot.RevokeLinksCommand")
            .and().doNotHaveFullyQualifiedName("io.boardclerk.bot.CopyToPostgresCommand")
            .and().doNotHaveFullyQualifiedName("io.boardclerk.bot.AdminDatabase")
            .and().doNotHaveFullyQualifiedName("io.boardclerk.bot.BotConfig")
            .should().dependOnClassesThat().resideInAPackage("io.boardclerk.storage..")
            .because("the store is chosen and opened in one place; everything else is given the core's ports");

    private static JavaClasses botMainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.boardclerk.bot");
    }

    @Test
    void only_the_jobs_and_the_composition_root_open_a_write_transaction() {
        JavaClasses bot = botMainClasses();
        assertTrue(bot.contain(BoardClerkServer.class), "the bot's classes are imported");

        WRITES_ONLY_FROM_JOBS_AND_ROOT.check(bot);
        STORAGE_ONLY_IN_ROOTS.check(bot);
    }

    @Test
    void the_rules_fail_for_a_bot_class_that_writes_itself() {
        JavaClasses offender = new ClassFileImporter().importClasses(WritesItself.class, LedgerStore.class);

        assertThrows(AssertionError.class, () -> WRITES_ONLY_FROM_JOBS_AND_ROOT.check(offender));
    }

    /** A deliberate offender, in the bot's packages but only in the tests. */
    static final class WritesItself {
        void write(LedgerStore store, Function<Ledger, Object> work) {
            store.inTransaction(work);
        }
    }
}
