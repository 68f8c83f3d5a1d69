package dev.cruxlog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
        assertThat(Files.list(output)).isNotEmpty();
    }
}
