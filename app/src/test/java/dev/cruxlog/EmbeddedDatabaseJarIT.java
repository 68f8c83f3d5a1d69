package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.cruxlog.support.RunningJar;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's run command for a newcomer: the packaged jar with no DATABASE_URL, run by a
 * normal user, starts on an embedded PostgreSQL under ~/.local/share/cruxlog, is healthy, and
 * keeps its data across a restart. PostgreSQL refuses root, so when the build runs as root
 * (as CI does) the jar runs as {@code nobody} through util-linux's {@code setpriv}, with a
 * home of its own in a scratch folder.
 */
class EmbeddedDatabaseJarIT {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @Test
    void withoutDatabaseUrlTheJarRunsOnEmbeddedPostgresAndKeepsItsDataAcrossARestart() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(!ROOT || Files.isExecutable(setpriv), "as root this needs util-linux's setpriv to run the jar as nobody");
        Path home = Files.createTempDirectory("cruxlog-newcomer");
        Path jar = home.resolve("cruxlog-exec.jar");
        Files.copy(Path.of(System.getProperty("cruxlog.jar", "target/cruxlog-exec.jar")), jar,
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(home.resolve("tmp"));
        if (ROOT) {
            UserPrincipal nobody = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.toList()) {
                    Files.setOwner(file, nobody);
                }
            }
        }
        try {
            int port = RunningJar.freePort();
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();

            Process first = start(setpriv, home, jar, port, "first");
            try {
                awaitHealthy(http, first, "first");
                http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", "newcomer@example.test", "username", "newcomer",
                                "password", "fresh machine, only a JDK"))
                        .exchange().expectStatus().isCreated();
            } finally {
                stop(first);
            }
            assertThat(home.resolve(".local/share/cruxlog/postgres/PG_VERSION")).as("the data lives in the user's data folder")
                    .exists();

            Process second = start(setpriv, home, jar, port, "second");
            try {
                awaitHealthy(http, second, "second");
                Map<String, Object> tokens = http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("login", "newcomer", "password", "fresh machine, only a JDK"))
                        .exchange().expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
                assertThat(tokens).containsKey("access_token");
            } finally {
                stop(second);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static Process start(Path setpriv, Path home, Path jar, int port, String run) throws IOException {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of(setpriv.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RunningJar.SHORT_RUN_JVM_OPTIONS);
        command.addAll(List.of("-Djava.io.tmpdir=" + home.resolve("tmp"),
                // Java takes the home folder from the passwd entry (nobody's is /nonexistent), not from HOME.
                "-Duser.home=" + home, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.equals("DATABASE_URL") || name.equals("XDG_DATA_HOME")
                || name.equals("CRUXLOG_DATA_DIR") || name.startsWith("SPRING_"));
        env.put("HOME", home.toString());
        env.put("USER", ROOT ? "nobody" : System.getProperty("user.name"));
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("BCRYPT_STRENGTH", "4");
        // Hermetic: no lookup of new passwords on the internet (BreachedPasswordsTest covers it).
        env.put("BREACHED_PASSWORDS_URL", "");
        // Building the API description at start-up costs some 15 s of CPU beside the test, twice;
        // PackagedJarIT reads it from the jar, this test is about the database.
        env.put("OPENAPI_ENABLED", "false");
        Path log = Path.of("target", "embedded-jar-" + run + ".log").toAbsolutePath();
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private static void awaitHealthy(WebTestClient http, Process app, String run) {
        assertThat(RunningJar.awaitHealthy(http, app, Duration.ofSeconds(180)))
                .as("the " + run + " start did not become healthy; see target/embedded-jar-" + run + ".log")
                .contains("\"r2dbc\":{\"status\":\"UP\"");
    }

    /** SIGTERM, as a terminal's Ctrl-C would: the app shuts the embedded server down cleanly. */
    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
