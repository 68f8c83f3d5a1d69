package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
class TickPageJsonContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

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
