package dev.cruxlog.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EmbeddedDatabaseServerTest {

    @Test
    void asRootItRefusesWithAnActionableMessage() {
        assumeTrue(RunningUser.isRoot(), "only meaningful as root");
        EmbeddedDatabaseUnavailableException refusal = (EmbeddedDatabaseUnavailableException) org.assertj.core.api.Assertions
                .catchThrowable(() -> EmbeddedDatabaseServer.start(new DatabaseProperties.Embedded(null, 0)));
        assertThat(refusal).hasMessageContaining("root");
        FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(refusal);
        assertThat(analysis.getAction()).contains("DATABASE_URL=postgresql://");
    }

    @Test
    void asANormalUserItStartsAndKeepsItsDataAcrossRestarts() throws Exception {
        assumeFalse(RunningUser.isRoot(), "PostgreSQL's initdb refuses root");
        Path data = Files.createTempDirectory("cruxlog-embedded");
        DatabaseProperties.Embedded settings = new DatabaseProperties.Embedded(data, 0);
        try (EmbeddedDatabaseServer first = EmbeddedDatabaseServer.start(settings)) {
            assertThat(first.url().port()).isPositive();
        }
        try (EmbeddedDatabaseServer second = EmbeddedDatabaseServer.start(settings)) {
            assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        }
    }

    @Test
    void theDefaultDataDirectoryIsUnderTheUsersDataHome() {
        assertThat(new DatabaseProperties.Embedded(null, 0).dataDirectoryOrDefault().toString())
                .endsWith("cruxlog/postgres");
        assertThatThrownBy(() -> new ModuleSchema("Bad-Name")).isInstanceOf(IllegalArgumentException.class);
    }
}
