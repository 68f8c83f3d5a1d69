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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import dev.cruxlog.platform.testing.TestDatabase;
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
 * Issue #18 (R2) in small, with real processes: two instances of the packaged jar on one
 * database; the one running an import is killed with SIGKILL while the import's ticks are being
 * written (its COPY in flight). The other takes the job over once its lease runs out and the
 * import ends with exactly the file's ticks: the cut transaction left nothing, the rerun wrote
 * everything once.
 */
class InstanceKilledMidImportIT {

    private static final int COPIES = 60;

    @Test
    void anImportCutWithItsInstanceIsTakenOverAndEndsWithExactlyTheFilesTicks() throws Exception {
        assertThat(RunningJar.jar()).exists();
        TestDatabase database = TestDatabase.create(TestDatabase.defaultServers());
        List<Process> started = new ArrayList<>();
        try {
            int firstPort = RunningJar.freePort();
            Process first = start(database, firstPort, "one");
            started.add(first);
            WebTestClient http = client(firstPort);
            assertThat(RunningJar.awaitHealthy(http, first, Duration.ofSeconds(120))).contains("\"status\":\"UP\"");
            // The second starts once the first has migrated, as a second instance would.
            int secondPort = RunningJar.freePort();
            Process second = start(database, secondPort, "two");
            started.add(second);
            assertThat(RunningJar.awaitHealthy(client(secondPort), second, Duration.ofSeconds(120))).contains("\"status\":\"UP\"");

            http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "cut@example.test", "username", "cut-import", "password", "killed mid copy"))
                    .exchange().expectStatus().isCreated();
            String bearer = "Bearer " + new Climbers(http).tokens("cut-import", "killed mid copy").accessToken();
            byte[] file = manyCopies(SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"));

            MultipartBodyBuilder body = new MultipartBodyBuilder();
            body.part("file", new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return "ticks.csv";
                }
            });
            Map<String, Object> accepted = http.post().uri("/api/v1/logbook/imports").header("Authorization", bearer)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                    .exchange().expectStatus().isAccepted()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            String importId = (String) accepted.get("id");

            // Whichever instance claimed the job is killed while the ticks are being written.
            String copying = Flux.interval(Duration.ZERO, Duration.ofMillis(20))
                    .publishOn(Schedulers.boundedElastic())
                    .map(tick -> TestDatabase.strings(database.url(), "SELECT count(*) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND query LIKE 'COPY logbook.tick%' AND state = 'active'").get(0))
                    .filter(count -> !"0".equals(count))
                    .blockFirst(Duration.ofSeconds(90));
            assertThat(copying).as("the import's COPY was seen in flight").isNotNull();
            String claimedBy = TestDatabase.strings(database.url(), "SELECT locked_by FROM platform.job "
                    + "WHERE kind = 'logbook.import' AND payload ->> 'importId' = '" + importId + "'").get(0);
            assertThat(claimedBy).isIn("one", "two");
            Process doomed = claimedBy.equals("one") ? first : second;
            int survivorPort = claimedBy.equals("one") ? secondPort : firstPort;
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(TestDatabase.strings(database.url(), "SELECT status FROM logbook.import WHERE id = '" + importId + "'"))
                    .as("cut, not finished").containsExactly("running");

            String status = Flux.interval(Duration.ZERO, Duration.ofMillis(250))
                    .publishOn(Schedulers.boundedElastic())
                    .map(tick -> TestDatabase.strings(database.url(), "SELECT status FROM logbook.import WHERE id = '"
                            + importId + "'").get(0))
                    .filter(found -> found.equals("succeeded") || found.equals("failed"))
                    .blockFirst(Duration.ofSeconds(120));
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
            client(survivorPort).get().uri("/api/v1/logbook/imports/" + importId).header("Authorization", bearer).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.ticksAdded").isEqualTo(rows);
        } finally {
            for (Process process : started) {
                RunningJar.stop(process);
            }
            database.drop();
        }
    }

    private static Process start(TestDatabase database, int port, String worker) throws Exception {
        // A dead instance's job is claimable again once its lease (the visibility timeout) ends.
        // 15 s, not 5: the survivor's own heartbeat (a third of it) must not fall a whole lease
        // behind while two JVMs, PostgreSQL and this test share two slow cores, or the survivor
        // claims its own running import again ("succeeded 3", CI on 2026-12-02 at 5 s).
        return RunningJar.start(database.url().toUrlString(), port, Path.of("target", "instance-" + worker + ".log"),
                Map.of("JOBS_WORKER_ID", worker, "JOBS_VISIBILITY_TIMEOUT", "15s", "JOBS_POLL_INTERVAL", "1s"), "-Xmx512m");
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
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
}
