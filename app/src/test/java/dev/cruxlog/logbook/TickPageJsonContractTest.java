package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.logbook.application.ServedNotes;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ticks page is written by PostgreSQL (R2dbcTicks.pageJson); every other tick answer by
 * Jackson from a {@link TickView}. For every tick of real exports, in every sort, the page's
 * item must be the same JSON as {@code GET /ticks/{id}} gives for that tick, and the pages
 * must cover the logbook exactly once, in order.
 */
@CruxlogIntegrationTest
@Isolated("measures the JVM's pooled direct memory, which every other test's requests use too")
class TickPageJsonContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    ServedNotes servedNotes;

    @LocalServerPort
    int port;

    @Test
    void everyPageItemIsTheTickAsJacksonWritesItAndPagesCoverTheLogbookOnceInOrder() {
        Climber climber = new Climbers(http).verified("pagejson");
        LogbookImports imports = new LogbookImports(http);
        for (String file : List.of("mountain-project/ticks-sport-trad-567.csv", "mountain-project/ticks-boulder-267.csv",
                "other-logbooks/thecrag-export.csv", "other-logbooks/ukc-logbook-export.csv")) {
            Map<String, Object> result = imports.upload(climber, SharedExports.bytes(file), file.substring(file.indexOf('/') + 1), null);
            assertThat(result.get("status")).as(file).isEqualTo("succeeded");
        }
        String marked = http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Markup \"Arête\"", "date", "2024-05-01", "grade", "5.10a", "discipline", "sport",
                        "style", "onsight", "notes", "<script>alert(1)</script><b>Sent</b> &amp; 5.10 < 5.11\r\nline two",
                        "tags", List.of("trip: \"Kalymnos\"")))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();

        List<JsonNode> newestFirst = pages(climber, "");
        long shown = new DatabaseRows(db).count("""
                SELECT count(*) FROM logbook.tick t JOIN identity.account a ON a.id = t.owner_id
                 WHERE a.username = :username AND t.duplicate_of IS NULL""", Map.of("username", climber.username()));
        assertThat(shown).isGreaterThan(800);
        assertThat(newestFirst).hasSize((int) shown);
        assertThat(ids(newestFirst)).doesNotHaveDuplicates();
        for (JsonNode item : newestFirst) {
            JsonNode single = http.get().uri("/api/v1/logbook/ticks/" + item.get("id").asString())
                    .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(item).as(item.get("route").asString()).isEqualTo(single);
        }
        JsonNode markedItem = newestFirst.stream().filter(t -> t.get("id").asString().equals(marked)).findFirst().orElseThrow();
        assertThat(markedItem.get("notes").asString()).startsWith("Sent & 5.10 < 5.11").endsWith("line two")
                .doesNotContain("<b>", "script", "alert", "&amp;");
        assertThat(markedItem.get("route").asString()).isEqualTo("Markup \"Arête\"");
        assertThat(markedItem.get("tags").get(0).asString()).isEqualTo("trip: \"Kalymnos\"");
        assertThat(newestFirst).isSortedAccordingTo(Comparator.comparing((JsonNode t) -> t.get("date").asString())
                .thenComparing(t -> t.get("id").asString()).reversed());

        Set<String> all = new HashSet<>(ids(newestFirst));
        for (String sort : List.of("date,asc", "grade", "grade,asc")) {
            List<JsonNode> sorted = pages(climber, "&sort=" + sort);
            assertThat(new HashSet<>(ids(sorted))).as(sort).isEqualTo(all);
            assertThat(ids(sorted)).as(sort).doesNotHaveDuplicates();
        }
        List<JsonNode> hardestFirst = pages(climber, "&sort=grade");
        assertThat(hardestFirst).isSortedAccordingTo(Comparator.comparing((JsonNode t) ->
                t.get("gradeIndex").isNull() ? -1000 : t.get("gradeIndex").asInt()).reversed());

        List<JsonNode> sportSends = pages(climber, "&discipline=sport&send=true&from=2015-01-01");
        assertThat(sportSends).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("discipline").asString()).isEqualTo("sport");
            assertThat(t.get("send").asBoolean()).isTrue();
            assertThat(t.get("date").asString()).isGreaterThanOrEqualTo("2015-01-01");
        });
        assertThat(sportSends.size()).isEqualTo(newestFirst.stream().filter(t -> t.get("discipline").asString().equals("sport")
                && t.get("send").asBoolean() && t.get("date").asString().compareTo("2015-01-01") >= 0).count());
    }

    /**
     * The unfiltered newest-first page is answered by a function kept in the database (logbook
     * V13, a short statement for the driver to tokenize); every other shape by the query R2dbcTicks
     * builds. A filter that keeps every tick sends the same page down the other path: both must
     * answer the same bytes' worth of JSON, cursor included. And the planner must inline the
     * function (no Function Scan): otherwise PostgreSQL plans its query on every call.
     */
    @Test
    void theOpeningPageIsTheSameFromTheFunctionAsFromTheBuiltQuery() {
        Climber climber = new Climbers(http).verified("pagejson-shapes");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        // 200 is the largest page the API serves.
        for (int limit : new int[]{1, 50, 200}) {
            JsonNode opening = page(climber, "?limit=" + limit);
            JsonNode built = page(climber, "?limit=" + limit + "&from=1900-01-01");
            assertThat(opening.get("items").size()).as("limit %d", limit).isEqualTo(limit);
            assertThat(opening.get("nextCursor").isNull()).as("limit %d", limit).isFalse();
            assertThat(opening).as("limit %d", limit).isEqualTo(built);
        }
        UUID owner = db.sql("SELECT id FROM identity.account WHERE username = :username").bind("username", climber.username())
                .map(row -> row.get(0, UUID.class)).one().block(Duration.ofSeconds(10));
        String plan = String.join("\n", db.sql("EXPLAIN SELECT * FROM logbook.newest_ticks_page(:owner, :size)")
                .bind("owner", owner).bind("size", 50).map(row -> row.get(0, String.class)).all()
                .collectList().block(Duration.ofSeconds(10)));
        assertThat(plan).contains("tick").doesNotContain("Function Scan");
    }

    private JsonNode page(Climber climber, String query) {
        return http.get().uri("/api/v1/logbook/ticks" + query).header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /**
     * The page's items are the database driver's own buffer, written without a copy; the
     * response must give it back. A page of 200 ticks holds about 130 KB of the driver's direct
     * memory, so a thousand pages that kept theirs would hold 130 MB; given back, the pool's
     * direct memory in use stays where it was.
     */
    @Test
    void everyPageGivesTheDriversBufferBackOnceWritten() {
        Climber climber = new Climbers(http).verified("pagejson-bufs");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        assertThat(ByteBufAllocator.DEFAULT).isInstanceOf(ByteBufAllocatorMetricProvider.class);
        ByteBufAllocatorMetric pool = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        for (int i = 0; i < 50; i++) {
            firstPageOf200(climber);
        }
        long before = pool.usedDirectMemory();
        for (int i = 0; i < 1_000; i++) {
            assertThat(firstPageOf200(climber)).hasSize(200);
        }
        assertThat(pool.usedDirectMemory() - before).as("direct memory held after 1,000 pages").isLessThan(16L << 20);

        // Clients that go away before reading the answer: the page is released on the write's
        // failure or cancellation too.
        for (int i = 0; i < 300; i++) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.getOutputStream().write(("GET /api/v1/logbook/ticks?limit=200 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + climber.bearer() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // The abandoned requests queue for the connection pool; until they have drained, a page
        // may be turned away with 503 once its acquire timeout passes (what an overloaded
        // instance answers: CI's slower machine met it). Twenty pages served means they drained.
        int served = 0;
        for (int attempt = 0; attempt < 200 && served < 20; attempt++) {
            if (http.get().uri("/api/v1/logbook/ticks?limit=200").header("Authorization", climber.bearer()).exchange()
                    .expectBody().returnResult().getStatus().value() == 200) {
                served++;
            }
        }
        assertThat(served).as("pages served after the abandoned ones").isEqualTo(20);
        assertThat(pool.usedDirectMemory() - before).as("direct memory held after 300 abandoned pages").isLessThan(16L << 20);
    }

    private JsonNode firstPageOf200(Climber climber) {
        return http.get().uri("/api/v1/logbook/ticks?limit=200").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
    }

    @Test
    void anEmptyLogbookIsAnEmptyLastPage() {
        Climber climber = new Climbers(http).verified("pagejson-empty");
        String body = http.get().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("{\"items\":[],\"nextCursor\":null}"));
    }

    @Test
    void badQueryValuesAreProblemsNamingTheParameter() {
        Climber climber = new Climbers(http).verified("pagejson-bad");
        for (String[] bad : new String[][]{{"from=yesterday", "from"}, {"to=2024-13-40", "to"}, {"limit=lots", "limit"},
                {"send=maybe", "send"}, {"sort=sideways", "sort"}, {"minGrade=hard", null}, {"cursor=not-ours", "cursor"}}) {
            WebTestClient.BodyContentSpec body = http.get().uri("/api/v1/logbook/ticks?" + bad[0])
                    .header("Authorization", climber.bearer()).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody();
            if (bad[1] != null) {
                body.jsonPath("$.errors[0].field").isEqualTo(bad[1]);
            }
        }
    }

    /**
     * A tick logged before served notes existed, whose note holds markup characters (migration V4
     * copies only notes without them): served without its note, never with its markup, until the
     * start-up pass cleans it.
     */
    @Test
    void notesLoggedBeforeServedNotesExistedAreCleanedByTheStartUpPass() {
        Climber climber = new Climbers(http).verified("pagejson-old");
        String id = http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Old Tick", "date", "2019-06-01", "grade", "5.9", "discipline", "trad",
                        "style", "redpoint", "notes", "plain"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        // As the row looks after V4 on a database from before it: a note as logged, no served note.
        db.sql("UPDATE logbook.tick SET notes = :notes, notes_plain = NULL WHERE id = :id")
                .bind("notes", "<i>Old</i> &quot;beta&quot;").bind("id", UUID.fromString(id))
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        assertThat(pages(climber, "")).singleElement().satisfies(t -> assertThat(t.get("notes").isNull()).isTrue());

        assertThat(servedNotes.cleanAll().block(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1L);

        assertThat(pages(climber, "")).singleElement().satisfies(t -> assertThat(t.get("notes").asString()).isEqualTo("Old \"beta\""));
        assertThat(servedNotes.cleanAll().block(Duration.ofSeconds(30))).isZero();
    }

    private List<JsonNode> pages(Climber climber, String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get().uri("/api/v1/logbook/ticks?limit=97" + query + (cursor == null ? "" : "&cursor=" + cursor))
                    .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            page.get("items").forEach(all::add);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(97);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return all;
    }

    private static List<String> ids(List<JsonNode> ticks) {
        return ticks.stream().map(t -> t.get("id").asString()).toList();
    }
}
