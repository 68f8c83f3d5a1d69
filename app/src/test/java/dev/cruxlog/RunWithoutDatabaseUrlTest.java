package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.cruxlog.platform.database.EmbeddedDatabaseUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The README's run command without DATABASE_URL: an embedded PostgreSQL for a normal
 * user, and for root (whom PostgreSQL refuses) a start-up failure that says what to set.
 */
class RunWithoutDatabaseUrlTest {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @Test
    void asRootItRefusesToStartAndNamesDatabaseUrl() {
        assumeTrue(ROOT, "only meaningful as root");
        SpringApplication app = new SpringApplication(CruxlogApplication.class);
        assertThatThrownBy(() -> app.run("--cruxlog.database.url=", "--server.port=0", "--cruxlog.jobs.enabled=false"))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(EmbeddedDatabaseUnavailableException.class)
                        .hasMessageContaining("root"));
    }

    @Test
    void asANormalUserItStartsOnEmbeddedPostgresAndIsHealthy() throws Exception {
        assumeFalse(ROOT, "PostgreSQL's initdb refuses to run as root");
        Path data = Files.createTempDirectory("cruxlog-embedded");
        SpringApplication app = new SpringApplication(CruxlogApplication.class);
        try (ConfigurableApplicationContext context = app.run("--cruxlog.database.url=", "--server.port=0",
                "--cruxlog.database.embedded.data-directory=" + data)) {
            String port = context.getEnvironment().getProperty("local.server.port");
            String health = WebClient.create("http://localhost:" + port).get().uri("/actuator/health")
                    .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
            assertThat(health).contains("\"status\":\"UP\"");
        }
    }
}
