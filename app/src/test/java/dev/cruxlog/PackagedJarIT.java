package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.cruxlog.platform.testing.TestDatabase;
import dev.cruxlog.support.AuthenticatorApp;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.RunningJar;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The runnable jar itself, as the README starts it: a separate JVM on its own database.
 * It must start, migrate every module, and serve a sign-up, an import and a pyramid. Catches
 * what in-process tests cannot: a library missing from the jar, a resource left out of it.
 */
class PackagedJarIT {

    @Test
    @SuppressWarnings("unchecked")
    void theRunnableJarStartsMigratesAndServesAnImportAndAPyramid() throws Exception {
        assertThat(RunningJar.jar()).exists();
        TestDatabase database = TestDatabase.create(TestDatabase.defaultServers());
        int port = RunningJar.freePort();
        Path log = Path.of("target", "packaged-jar.log");
        Process app = RunningJar.start(database.url().toUrlString(), port, log, Map.of("JOBS_POLL_INTERVAL", "500ms"));
        try {
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            String health = RunningJar.awaitHealthy(http, app, Duration.ofSeconds(120));
            assertThat(health).as("the jar did not become healthy; see " + log).contains("\"status\":\"UP\"");

            http.get().uri("/api/v1/platform/info").exchange().expectStatus().isUnauthorized();
            http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "jar@example.test", "username", "jar-climber", "password", "packaged and running"))
                    .exchange().expectStatus().isCreated();
            // The platform's info is for administrators, and administration takes two-step sign-in:
            // the climber turns it on, then an operator grants the role.
            Climbers climbers = new Climbers(http);
            Climbers.Tokens first = climbers.tokens("jar-climber", "packaged and running");
            AuthenticatorApp authenticator = AuthenticatorApp.turnOn(http, new Climbers.Climber("jar-climber", "jar@example.test",
                    "packaged and running", first.accessToken(), first.refreshToken())).app();
            TestDatabase.execute(database.url(), "UPDATE identity.account SET roles = ARRAY['USER', 'ADMIN'] "
                    + "WHERE username = 'jar-climber'");
            String bearer = "Bearer " + climbers.secondStep(climbers.secondStepChallenge("jar-climber", "packaged and running"),
                    authenticator.codeOfNextStep()).accessToken();
            http.get().uri("/api/v1/platform/info").header("Authorization", bearer).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.schemaVersions.identity").isEqualTo(latestMigration("identity"))
                    .jsonPath("$.schemaVersions.logbook").isEqualTo(latestMigration("logbook"))
                    .jsonPath("$.schemaVersions.analytics").isEqualTo(latestMigration("analytics"));

            MultipartBodyBuilder body = new MultipartBodyBuilder();
            body.part("file", new ByteArrayResource(SharedExports.bytes("mountain-project/ticks-small-4.csv")) {
                @Override
                public String getFilename() {
                    return "ticks.csv";
                }
            });
            Map<String, Object> started = http.post().uri("/api/v1/logbook/imports").header("Authorization", bearer)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                    .exchange().expectStatus().isAccepted()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            Map<String, Object> done = Flux.interval(Duration.ZERO, Duration.ofMillis(300))
                    .publishOn(Schedulers.boundedElastic())
                    .map(tick -> http.get().uri("/api/v1/logbook/imports/" + started.get("id")).header("Authorization", bearer)
                            .exchange().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                            .returnResult().getResponseBody())
                    .filter(found -> "succeeded".equals(found.get("status")) || "failed".equals(found.get("status")))
                    .blockFirst(Duration.ofSeconds(60));
            assertThat(done).containsEntry("status", "succeeded").containsEntry("ticksAdded", 4);
            http.get().uri("/api/v1/analytics/pyramid?discipline=trad").header("Authorization", bearer).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.levels[0].grade").isEqualTo("5.9");
            http.get().uri("/webjars/chart.js/4.4.1/dist/chart.umd.js").exchange().expectStatus().isOk();
            http.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        } finally {
            RunningJar.stop(app);
            database.drop();
        }
    }

    /** The newest migration a module ships, read from its sources: the jar must have applied every one. */
    private static String latestMigration(String module) {
        java.nio.file.Path dir = java.nio.file.Path.of("..", "modules", module, "src", "main", "resources", "db", "migration", module);
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
