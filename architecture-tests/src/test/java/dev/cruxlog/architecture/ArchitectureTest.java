package dev.cruxlog.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule in {@link CruxlogRules} over every production class of every module. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .importPackages("dev.cruxlog");
        // Guards the gate itself: if the import found nothing, every rule would pass vacuously.
        assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.cruxlog.platform"))
                .anyMatch(p -> p.startsWith("dev.cruxlog.web"));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHoldsForTheApplication() {
        return Arrays.stream(CruxlogRules.ALL)
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
