package dev.cruxlog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.cruxlog.CruxlogApplication;
import cruxlogfixtures.modulith.PlantedModulith;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view: modules only use each other's API packages (and declared
 * named interfaces), with no cycles. It also writes the module documentation that
 * docs/architecture.md links to.
 */
class ModulithTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CruxlogApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Each module's package-info declares its allowed dependencies; a dependency outside the list
     * fails verification. Proved on planted modules: the ledger, allowed nothing, uses pricing;
     * the quotes module, allowed pricing, does the same and passes.
     */
    @Test
    void aDependencyOutsideAModulesAllowedListFailsVerification() {
        // The planted classes are test classes, which Modulith leaves out unless told otherwise.
        ApplicationModules planted = ApplicationModules.of(PlantedModulith.class, location -> true);
        assertThat(planted.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("ledger", "quotes", "pricing");
        List<String> violations = planted.detectViolations().getMessages();
        assertThat(violations).anySatisfy(message -> assertThat(message).contains("ledger").contains("pricing"));
        assertThat(violations).noneSatisfy(message -> assertThat(message).containsIgnoringCase("quote"));
    }

    @Test
    void everyExpectedModuleIsDetected() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .contains("platform", "web", "identity", "notifications", "grades", "logbook", "analytics", "coach", "billing");
    }

    /**
     * docs/modules is what the Documenter writes for the modules as they are: the documentation is
     * written afresh under target/ and compared file by file with the committed copy, and any
     * difference fails the build, naming the files. {@code -Dcruxlog.modules-docs.update=true}
     * writes the fresh copy over the committed one (README.md, under "Two commands").
     */
    @Test
    void theCommittedModuleDocumentationIsWhatTheDocumenterWrites() throws Exception {
        Path committed = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
        Path fresh = Path.of("target", "modules-docs").toAbsolutePath().normalize();
        write(fresh);
        if (Boolean.getBoolean("cruxlog.modules-docs.update")) {
            try (Stream<Path> files = Files.list(committed)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            try (Stream<Path> files = Files.list(fresh)) {
                for (Path file : files.toList()) {
                    Files.copy(file, committed.resolve(file.getFileName()));
                }
            }
        }
        assertThat(namesIn(fresh)).as("files in docs/modules").isEqualTo(namesIn(committed));
        List<String> drifted = new ArrayList<>();
        for (String name : namesIn(fresh)) {
            if (!Files.readAllLines(fresh.resolve(name)).equals(Files.readAllLines(committed.resolve(name)))) {
                drifted.add(name);
            }
        }
        assertThat(drifted).as("docs/modules files that differ from what the Documenter writes now (see target/modules-docs; "
                + "./mvnw verify -pl architecture-tests -Dcruxlog.modules-docs.update=true rewrites them)").isEmpty();
    }

    private static void write(Path output) throws Exception {
        if (Files.exists(output)) {
            try (Stream<Path> files = Files.list(output)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeDocumentation()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".puml")) {
                    Files.write(file, relationsSorted(Files.readAllLines(file)));
                } else if (file.toString().endsWith(".adoc")) {
                    Files.write(file, listsSorted(Files.readAllLines(file)));
                }
            }
        }
    }

    private static java.util.SortedSet<String> namesIn(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /**
     * The module canvases list beans and events in hash order too: each table cell's list
     * (its first item starts with the cell's {@code |}) is sorted.
     */
    static List<String> listsSorted(List<String> lines) {
        List<String> result = new ArrayList<>();
        List<String> items = new ArrayList<>();
        boolean cell = false;
        for (String line : lines) {
            boolean opensCell = line.startsWith("|* ");
            if (line.startsWith("* ") && !items.isEmpty()) {
                items.add(line);
                continue;
            }
            flushList(result, items, cell);
            cell = opensCell;
            if (opensCell || line.startsWith("* ")) {
                items.add(opensCell ? line.substring(1) : line);
            } else {
                result.add(line);
            }
        }
        flushList(result, items, cell);
        return result;
    }

    private static void flushList(List<String> result, List<String> items, boolean cell) {
        if (items.isEmpty()) {
            return;
        }
        items.sort(null);
        if (cell) {
            items.set(0, "|" + items.get(0));
        }
        result.addAll(items);
        items.clear();
    }

    /**
     * The Documenter writes a diagram's relations in hash order, which differs between runs;
     * sorted, the committed files change only when the modules do.
     */
    static List<String> relationsSorted(List<String> lines) {
        List<String> result = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            result.addAll(relations);
            relations.clear();
            result.add(line);
        }
        relations.sort(null);
        result.addAll(relations);
        return result;
    }
}
