package dev.cruxlog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.cruxlog.CruxlogApplication;
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

    @Test
    void everyExpectedModuleIsDetected() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .contains("platform", "web", "identity", "notifications", "grades", "logbook", "analytics", "coach", "billing");
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path output = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeDocumentation()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(output)) {
            for (Path diagram : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, relationsSorted(Files.readAllLines(diagram)));
            }
        }
        assertThat(Files.list(output)).isNotEmpty();
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
