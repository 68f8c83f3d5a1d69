package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Pyramids and the overview against figures computed here from the export itself. */
@CruxlogIntegrationTest
class AnalyticsApiTest {

    @Autowired
    WebTestClient http;

    /** The level of a Mountain Project rating code, computed without Cruxlog's grade code. */
    private static String levelName(int code) {
        if (code >= 2600) {
            int number = 10 + (code - 2600) / 2000;
            int step = (code - 2600) % 2000 / 100;
            return "5." + number + "aaabbbcccd".charAt(step);
        }
        return "5." + Map.ofEntries(Map.entry(1700, 6), Map.entry(1800, 7), Map.entry(1900, 7), Map.entry(2000, 7),
                Map.entry(2100, 8), Map.entry(2200, 8), Map.entry(2300, 8), Map.entry(2400, 9), Map.entry(2500, 9))
                .getOrDefault(code, (code - 1000) / 100);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSportPyramidOfTheSportTradExportMatchesTheFile() {
        Climber climber = new Climbers(http).verified("pyramid");
        byte[] export = SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv");
        importFile(climber, export);

        List<Map<String, String>> rows = new ArrayList<>(SharedExports.rows(export));
        rows.sort(Comparator.comparing(r -> r.get("Date")));
        Map<String, Integer> firstSendCode = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (Set.of("Sport", "Sport, TR").contains(r.get("Route Type")) && "Lead".equals(r.get("Style"))
                    && Set.of("Onsight", "Flash", "Redpoint", "Pinkpoint", "").contains(r.get("Lead Style"))) {
                firstSendCode.putIfAbsent(r.get("URL"), Integer.parseInt(r.get("Rating Code")));
            }
        }
        Map<String, Integer> sendsPerLevel = new HashMap<>();
        firstSendCode.values().forEach(code -> sendsPerLevel.merge(levelName(code), 1, Integer::sum));
        int topCode = firstSendCode.values().stream().max(Integer::compare).orElseThrow();

        Map<String, Object> pyramid = http.get().uri("/api/v1/analytics/pyramid?discipline=sport&levels=4")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(pyramid.get("discipline")).isEqualTo("sport");
        List<Map<String, Object>> levels = (List<Map<String, Object>>) pyramid.get("levels");
        assertThat(levels).hasSize(4);
        assertThat(levels.get(0).get("grade")).isEqualTo(levelName(topCode));
        for (Map<String, Object> level : levels) {
            assertThat(level.get("sends")).as(level.get("grade").toString())
                    .isEqualTo(sendsPerLevel.getOrDefault(level.get("grade").toString(), 0));
            assertThat(((List<?>) level.get("routes"))).hasSize((Integer) level.get("sends"));
        }
        assertThat(levels).extracting(l -> l.get("idealSends")).containsExactly(1, 2, 4, 8);
        assertThat(((Map<String, Object>) pyramid.get("next")).get("summary").toString()).startsWith("For 5.11b:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHandWrittenLogbookGivesTheHandComputedPyramidAndTheWindowNarrowsIt() {
        Climber climber = new Climbers(http).verified("hand-pyramid");
        tick(climber, "Rainshadow", "2024-05-01", "5.12a", "redpoint");
        tick(climber, "Rainshadow", "2024-04-20", "5.12a", "attempt");
        tick(climber, "Rainshadow", "2024-04-13", "5.12a", "attempt");
        tick(climber, "Aqualung", "2023-06-01", "5.11d", "onsight");
        tick(climber, "Mojo", "2023-07-01", "5.11c", "flash");
        tick(climber, "Mojo", "2023-09-01", "5.11c", "redpoint");
        tick(climber, "Easy Days", "2023-07-02", "5.11c", "top-rope");
        Map<String, Object> pyramid = http.get().uri("/api/v1/analytics/pyramid?discipline=sport&levels=3")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> levels = (List<Map<String, Object>>) pyramid.get("levels");
        assertThat(levels).extracting(l -> l.get("grade")).containsExactly("5.12a", "5.11d", "5.11c");
        assertThat(levels).extracting(l -> l.get("sends")).containsExactly(1, 1, 1);
        Map<String, Object> rainshadow = ((List<Map<String, Object>>) levels.get(0).get("routes")).get(0);
        assertThat(rainshadow).containsEntry("route", "Rainshadow").containsEntry("attempts", 3).containsEntry("days", 3)
                .containsEntry("firstSent", "2024-05-01").containsEntry("style", "redpoint");

        Map<String, Object> recent = http.get().uri("/api/v1/analytics/pyramid?discipline=sport&from=2024-01-01")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) recent.get("levels")).extracting(l -> l.get("sends")).containsExactly(1, 0, 0, 0);

        http.get().uri("/api/v1/analytics/overview").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ticks").isEqualTo(7)
                .jsonPath("$.daysOutside").isEqualTo(7)
                .jsonPath("$.sends").isEqualTo(5)
                .jsonPath("$.bestSends[?(@.discipline == 'sport')].grade").isEqualTo("5.12a")
                .jsonPath("$.disciplines.sport").isEqualTo(7)
                .jsonPath("$.recentHardSends.length()").isEqualTo(5)
                .jsonPath("$.recentHardSends[0].route").isEqualTo("Rainshadow")
                .jsonPath("$.recentHardSends[0].category").isEqualTo("PROJECT")
                .jsonPath("$.recentHardSends[0].attempts").isEqualTo(3)
                .jsonPath("$.recentHardSends[?(@.route == 'Aqualung')].category").isEqualTo("PROJECT")
                .jsonPath("$.recentHardSends[?(@.style == 'flash')].category").isEqualTo("TIER_2")
                .jsonPath("$.projectAttempts").isEqualTo(2);

        String routeKey = (String) rainshadow.get("routeKey");
        http.patch().uri("/api/v1/analytics/pyramid/routes").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("routeKey", routeKey, "cruxAngle", "overhang", "cruxEnergy", "power-endurance"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.cruxAngle").isEqualTo("overhang");
        http.patch().uri("/api/v1/analytics/pyramid/routes").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("routeKey", routeKey, "cruxAngle", "upside-down"))
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/analytics/pyramid?discipline=sport").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.levels[0].routes[0].cruxAngle").isEqualTo("overhang")
                .jsonPath("$.levels[0].routes[0].cruxEnergy").isEqualTo("power-endurance");

        http.get().uri("/api/v1/analytics/progression").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hardestByMonth[?(@.month == '2024-05')].grade").isEqualTo("5.12a")
                .jsonPath("$.hardestByMonth[?(@.month == '2023-07' && @.style == 'flash')].route").isEqualTo("Mojo")
                .jsonPath("$.volume[?(@.month == '2024-04')].ticks").isEqualTo(2)
                .jsonPath("$.volume.length()").isEqualTo(5);
        http.get().uri("/api/v1/analytics/calendar").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.days.length()").isEqualTo(7)
                .jsonPath("$.days[?(@.date == '2024-04-13')].sent").isEqualTo(false)
                .jsonPath("$.seasons[?(@.season == 'Spring, 2024')].days").isEqualTo(3)
                .jsonPath("$.seasons[?(@.season == 'Summer, 2023')].days").isEqualTo(3)
                .jsonPath("$.seasons[?(@.season == 'Fall, 2023')].days").isEqualTo(1);
        http.get().uri("/api/v1/analytics/locations").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].name").isEqualTo("Nevada")
                .jsonPath("$[0].ticks").isEqualTo(7)
                .jsonPath("$[0].hardestGrade").isEqualTo("5.12a")
                .jsonPath("$[0].lastVisit").isEqualTo("2024-05-01")
                .jsonPath("$[0].children[0].name").isEqualTo("Red Rocks");
        http.get().uri("/api/v1/analytics/characteristics").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.flashOrOnsightRate.sport").isEqualTo(0.4)
                .jsonPath("$.attemptsToSend.sport['3']").isEqualTo(1)
                .jsonPath("$.attemptsToSend.sport['1']").isEqualTo(3)
                .jsonPath("$.sendRateByLevel[?(@.level == 18)].rate").isEqualTo(1 / 3.0)
                .jsonPath("$.restDays.histogram['0']").isEqualTo(1);

        // Editing a tick changes the pyramid at once: nothing to rebuild.
        String aqualung = (String) ((List<Map<String, Object>>) http.get().uri("/api/v1/logbook/ticks?q=Aqualung")
                .header("Authorization", climber.bearer()).exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("items")).get(0).get("id");
        http.patch().uri("/api/v1/logbook/ticks/" + aqualung).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("grade", "5.12b")).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/analytics/pyramid?discipline=sport").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.levels[0].grade").isEqualTo("5.12b")
                .jsonPath("$.levels[0].routes[0].route").isEqualTo("Aqualung");

        Climber stranger = new Climbers(http).verified("stranger");
        http.get().uri("/api/v1/analytics/pyramid?discipline=sport").header("Authorization", stranger.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.levels.length()").isEqualTo(0);
        http.get().uri("/api/v1/analytics/overview").header("Authorization", stranger.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ticks").isEqualTo(0);
    }

    private void tick(Climber climber, String route, String date, String grade, String style) {
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", route, "date", date, "grade", grade, "discipline", "sport", "style", style,
                        "location", "Nevada > Red Rocks"))
                .exchange().expectStatus().isCreated();
    }

    @SuppressWarnings("unchecked")
    private void importFile(Climber climber, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "ticks.csv";
            }
        });
        Map<String, Object> started = http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> (Map<String, Object>) http.get().uri("/api/v1/logbook/imports/" + started.get("id"))
                        .header("Authorization", climber.bearer()).exchange().expectBody(Map.class).returnResult()
                        .getResponseBody())
                .filter(found -> "succeeded".equals(found.get("status")))
                .blockFirst(Duration.ofSeconds(60));
    }
}
