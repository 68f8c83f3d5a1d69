package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.TestDatabase;
import dev.cruxlog.support.AuthenticatorApp;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.RunningJar;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The runnable jar itself, as the README starts it: separate JVMs on a database of their own,
 * two instances of it as a deployment runs them. Catches what in-process tests cannot (a library
 * missing from the jar, a resource left out of it) and what only real processes show (an
 * instance killed outright). The two instances serve both tests: a jar start costs the suite
 * some 15 s of its two cores, and neither test needs instances of its own. The kill ends an
 * instance, so that test runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

    private static final int COPIES = 60;

    private TestDatabase database;
    private Instance one;
    private Instance two;

    /** A running jar: its worker id (what {@code platform.job.locked_by} names), its process and a client for it. */
    private record Instance(String worker, Process process, WebTestClient http) {
    }

    @BeforeAll
    void twoInstancesOnOneDatabase() throws Exception {
        assertThat(RunningJar.jar()).exists();
        database = TestDatabase.create(TestDatabase.defaultServers());
        one = start("one", Map.of());
        // The second starts once the first has migrated, as a second instance would. Without the
        // API description: building its eight documents at start-up costs some 15 s of CPU
        // beside the tests, and the first instance serves it already (its test asks for it).
        two = start("two", Map.of("OPENAPI_ENABLED", "false"));
    }

    @AfterAll
    void stopThem() throws InterruptedException {
        for (Instance instance : new Instance[] {one, two}) {
            if (instance != null) {
                RunningJar.stop(instance.process());
            }
        }
        if (database != null) {
            database.drop();
        }
    }

    /** It must start, migrate every module, and serve a sign-up, an import and a pyramid. */
    @Test
    @Order(1)
    void theRunnableJarStartsMigratesAndServesAnImportAndAPyramid() throws Exception {
        WebTestClient http = one.http();
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

        Map<String, Object> started = startImport(http, bearer, SharedExports.bytes("mountain-project/ticks-small-4.csv"));
        Map<String, Object> done = Eventually.answer(() -> blocking(() -> http.get().uri("/api/v1/logbook/imports/" + started.get("id"))
                        .header("Authorization", bearer).exchange()
                        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody()),
                found -> "succeeded".equals(found.get("status")) || "failed".equals(found.get("status")), Duration.ofSeconds(60));
        assertThat(done).containsEntry("status", "succeeded").containsEntry("ticksAdded", 4);
        http.get().uri("/api/v1/analytics/pyramid?discipline=trad").header("Authorization", bearer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.levels[0].grade").isEqualTo("5.9");
        http.get().uri("/webjars/chart.js/4.4.1/dist/chart.umd.js").exchange().expectStatus().isOk();
        // The API description other teams read, as the jar builds it.
        http.get().uri("/v3/api-docs/logbook").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/logbook/ticks']").exists();
        http.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
    }

    /**
     * Issue #18 (R2) in small: the instance running an import is killed with SIGKILL while the
     * import's ticks are being written (its COPY in flight). The other takes the job over once
     * its lease runs out and the import ends with exactly the file's ticks: the cut transaction
     * left nothing, the rerun wrote everything once.
     */
    @Test
    @Order(2)
    void anImportCutWithItsInstanceIsTakenOverAndEndsWithExactlyTheFilesTicks() throws Exception {
        WebTestClient http = one.http();
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "cut@example.test", "username", "cut-import", "password", "killed mid copy"))
                .exchange().expectStatus().isCreated();
        String bearer = "Bearer " + new Climbers(http).tokens("cut-import", "killed mid copy").accessToken();
        byte[] file = manyCopies(SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"));
        String importId = (String) startImport(http, bearer, file).get("id");

        // Whichever instance claimed the job is killed while the ticks are being written (looked
        // for every 20 ms, not Eventually's 100: the COPY lasts about a second).
        String copying = Flux.interval(Duration.ZERO, Duration.ofMillis(20))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> TestDatabase.strings(database.url(), "SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND query LIKE 'COPY logbook.tick%' AND state = 'active'").get(0))
                .filter(count -> !"0".equals(count))
                .blockFirst(Duration.ofSeconds(90));
        assertThat(copying).as("the import's COPY was seen in flight").isNotNull();
        String claimedBy = TestDatabase.strings(database.url(), "SELECT locked_by FROM platform.job "
                + "WHERE kind = 'logbook.import' AND payload ->> 'importId' = '" + importId + "'").get(0);
        assertThat(claimedBy).isIn(one.worker(), two.worker());
        Instance doomed = claimedBy.equals(one.worker()) ? one : two;
        Instance survivor = doomed == one ? two : one;
        doomed.process().destroyForcibly();
        assertThat(doomed.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(TestDatabase.strings(database.url(), "SELECT status FROM logbook.import WHERE id = '" + importId + "'"))
                .as("cut, not finished").containsExactly("running");
        // The dead instance's lease is ended now rather than waited out: the 15 s a crashed
        // instance's job waits are the clock's part of the takeover, which JobQueueTest proves
        // with a lease of its own lapsing (aJobWhoseWorkerDiedMidRunIsRetriedByAnother). What only
        // real processes show is what follows: the cut COPY left nothing and the rerun writes all.
        TestDatabase.execute(database.url(), "UPDATE platform.job SET locked_until = now() WHERE kind = 'logbook.import' "
                + "AND payload ->> 'importId' = '" + importId + "' AND locked_by = '" + doomed.worker() + "'");

        String status = Eventually.answer(() -> blocking(() -> TestDatabase.strings(database.url(),
                        "SELECT status FROM logbook.import WHERE id = '" + importId + "'").get(0)),
                found -> found.equals("succeeded") || found.equals("failed"), Duration.ofSeconds(120));
        assertThat(status).isEqualTo("succeeded");
        int rows = COPIES * 567;
        assertThat(TestDatabase.strings(database.url(), "SELECT count(*) FROM logbook.tick WHERE import_id = '"
                + importId + "'")).containsExactly(String.valueOf(rows));
        // Every row of the file is a new tick (the fixture's 567 rows make 567 ticks).
        assertThat(TestDatabase.strings(database.url(), "SELECT rows_read || ' ' || ticks_added FROM logbook.import "
                + "WHERE id = '" + importId + "'")).containsExactly(rows + " " + rows);
        assertThat(TestDatabase.strings(database.url(), "SELECT status || ' ' || attempts FROM platform.job "
                + "WHERE kind = 'logbook.import' AND payload ->> 'importId' = '" + importId + "'"))
                .containsExactly("succeeded 2");
        // And the survivor serves it.
        survivor.http().get().uri("/api/v1/logbook/imports/" + importId).header("Authorization", bearer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ticksAdded").isEqualTo(rows);
    }

    private Instance start(String worker, Map<String, String> environment) throws Exception {
        int port = RunningJar.freePort();
        Path log = Path.of("target", "instance-" + worker + ".log");
        // A dead instance's job is claimable again once its lease (the visibility timeout) ends.
        // 15 s, not 5: the survivor's own heartbeat (a third of it) must not fall a whole lease
        // behind while two JVMs, PostgreSQL and this test share two slow cores, or the survivor
        // claims its own running import again ("succeeded 3", CI on 2026-12-02 at 5 s).
        Map<String, String> settings = new HashMap<>(environment);
        settings.putAll(Map.of("JOBS_WORKER_ID", worker, "JOBS_VISIBILITY_TIMEOUT", "15s", "JOBS_POLL_INTERVAL", "1s"));
        Process process = RunningJar.start(database.url().toUrlString(), port, log, settings, "-Xmx512m");
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        assertThat(RunningJar.awaitHealthy(http, process, Duration.ofSeconds(120)))
                .as("instance %s did not become healthy; see %s", worker, log).contains("\"status\":\"UP\"");
        return new Instance(worker, process, http);
    }

    /** A blocking look (an HTTP call, a query on a connection of its own) off Reactor's timer thread. */
    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> look) {
        return Mono.fromCallable(look).subscribeOn(Schedulers.boundedElastic());
    }

    /** Uploads {@code file} as a Mountain Project CSV; the import's accepted answer. */
    private static Map<String, Object> startImport(WebTestClient http, String bearer, byte[] file) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "ticks.csv";
            }
        });
        return http.post().uri("/api/v1/logbook/imports").header("Authorization", bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    /** The export's rows {@link #COPIES} times, each copy's routes renamed so every row is a new tick. */
    private static byte[] manyCopies(byte[] export) throws Exception {
        List<String[]> rows;
        try (CSVReader reader = new CSVReader(new InputStreamReader(new java.io.ByteArrayInputStream(export), StandardCharsets.UTF_8))) {
            rows = reader.readAll();
        }
        int route = Arrays.asList(rows.get(0)).indexOf("Route");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVWriter writer = new CSVWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.writeNext(rows.get(0));
            for (int copy = 0; copy < COPIES; copy++) {
                for (String[] row : rows.subList(1, rows.size())) {
                    String[] renamed = row.clone();
                    renamed[route] = row[route] + " (copy " + copy + ")";
                    writer.writeNext(renamed);
                }
            }
        }
        return out.toByteArray();
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
