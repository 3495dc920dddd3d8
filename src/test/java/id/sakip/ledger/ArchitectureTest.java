package id.sakip.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Module boundaries: packages by business module, CQRS roles inside, messages as revisioned records. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.sakip.ledger");
    }

    @Test
    void theModulesAndTheirRolesExist() {
        for (String p : new String[] {"budget.api", "budget.command", "budget.query", "budget.web",
                "organisation.api", "organisation.command", "organisation.query", "reporting.command",
                "reporting.query", "reporting.web", "performance.api", "performance.command", "performance.query",
                "performance.web", "performance.computation", "audit.api", "audit.query", "audit.web", "eventstore",
                "shared", "kabupaten.api", "kabupaten.query", "kabupaten.web"}) {
            assertThat(classes.containPackage("id.sakip.ledger." + p)).as("package %s exists", p).isTrue();
        }
    }

    @Test
    void theEventStoreAndSharedValueTypesKnowNoBusinessModule() {
        noClasses().that().resideInAnyPackage("..ledger.eventstore..", "..ledger.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("..ledger.budget..", "..ledger.performance..",
                        "..ledger.audit..", "..ledger.reporting..", "..ledger.organisation..")
                .check(classes);
    }

    @Test
    void theBudgetModuleDoesNotDependOnReportingOrPerformance() {
        noClasses().that().resideInAPackage("..ledger.budget..")
                .should().dependOnClassesThat().resideInAnyPackage("..ledger.reporting..", "..ledger.performance..",
                        "..ledger.audit..")
                .check(classes);
    }

    @Test
    void thePerformanceModuleDoesNotDependOnBudgetOrReporting() {
        noClasses().that().resideInAPackage("..ledger.performance..")
                .should().dependOnClassesThat().resideInAnyPackage("..ledger.budget..", "..ledger.reporting..",
                        "..ledger.audit..")
                .check(classes);
    }

    @Test
    void theComputationModuleIsPure() {
        noClasses().that().resideInAPackage("..performance.computation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "com.mongodb..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void apiPackagesHoldOnlyMessagesThatDependOnNoImplementation() {
        noClasses().that().resideInAPackage("id.sakip.ledger.*.api..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sakip.ledger.*.command..",
                        "id.sakip.ledger.*.query..", "id.sakip.ledger.*.web..")
                .check(classes);
    }

    @Test
    void aggregatesDoNotReachIntoReadModelsOrTheWeb() {
        noClasses().that().resideInAPackage("id.sakip.ledger.*.command..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sakip.ledger.*.query..",
                        "id.sakip.ledger.*.web..")
                .check(classes);
    }

    @Test
    void readModelsDoNotDependOnTheWeb() {
        noClasses().that().resideInAPackage("id.sakip.ledger.*.query..").should().dependOnClassesThat()
                .resideInAPackage("id.sakip.ledger.*.web..")
                .check(classes);
    }

    @Test
    void revisionedMessagesAreRecords() {
        classes().that().areAnnotatedWith(Revision.class)
                .and().areNotAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().beRecords().because("an aggregate's revision is that of its snapshots, not of a message")
                .check(classes);
    }

    @Test
    void eventsInApiPackagesCarryARevision() {
        classes().that().resideInAPackage("id.sakip.ledger.*.api..").and().areRecords().and().haveSimpleNameEndingWith("ed")
                .should().beAnnotatedWith(Revision.class).check(classes);
    }
}
