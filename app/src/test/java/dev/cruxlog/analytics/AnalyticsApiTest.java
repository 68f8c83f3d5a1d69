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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Pyramids and the overview against figures computed here from the export itself. */
@CruxlogIntegrationTest
class AnalyticsApiTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

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

    /**
     * The pyramid reads the stored sends and the route characters in one statement: the
     * characters are the asking climber's alone, though two climbers' routes share a key.
     */
    @Test
    void aRouteDescribedByOneClimberIsDescribedForThemAlone() {
        Climbers climbers = new Climbers(http);
        Climber anna = climbers.verified("describes");
        Climber ben = climbers.verified("describes-not");
        for (Climber climber : List.of(anna, ben)) {
            http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("route", "Shared Arete", "date", "2024-05-01", "grade", "5.11a", "discipline", "sport",
                            "style", "redpoint", "location", "Nevada > Shared Crag"))
                    .exchange().expectStatus().isCreated();
        }
        String routeKey = firstRoute(anna).get("routeKey").toString();
        assertThat(firstRoute(ben).get("routeKey")).as("one route, two logbooks").isEqualTo(routeKey);

        http.patch().uri("/api/v1/analytics/pyramid/routes").header("Authorization", anna.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("routeKey", routeKey, "cruxAngle", "roof", "cruxEnergy", "power"))
                .exchange().expectStatus().isOk();

        assertThat(firstRoute(anna)).containsEntry("cruxAngle", "roof").containsEntry("cruxEnergy", "power");
        assertThat(firstRoute(ben)).containsEntry("cruxAngle", null).containsEntry("cruxEnergy", null);
    }

    /** Route keys are the climber's to name: how long and how many is bounded, or rows grow without end. */
    @Test
    void aClimberDescribesAtMostTenThousandRoutesByKeysOfAtMostTwoThousandCharacters() {
        Climber climber = new Climbers(http).verified("describes-many");
        http.patch().uri("/api/v1/analytics/pyramid/routes").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("routeKey", "k".repeat(2_001), "cruxAngle", "roof"))
                .exchange().expectStatus().isBadRequest();
        String owner = http.get().uri("/api/v1/users/me").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        // 9,999 described straight into the table: ten thousand requests would only slow the test.
        db.sql("""
                        INSERT INTO analytics.route_character (owner_id, route_key, crux_angle)
                        SELECT :owner, 'route-' || n, 'slab' FROM generate_series(1, 9999) AS n""")
                .bind("owner", java.util.UUID.fromString(owner)).fetch().rowsUpdated().block(Duration.ofSeconds(30));

        describe(climber, "the ten-thousandth").expectStatus().isOk();
        describe(climber, "one too many").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("10,000 routes"));
        describe(climber, "route-1").expectStatus().isOk().expectBody().jsonPath("$.cruxAngle").isEqualTo("roof");

        assertThat(db.sql("SELECT count(*) AS n FROM analytics.route_character WHERE owner_id = :owner")
                .bind("owner", java.util.UUID.fromString(owner)).map(row -> row.get("n", Long.class)).one()
                .block(Duration.ofSeconds(10))).isEqualTo(10_000L);
    }

    private WebTestClient.ResponseSpec describe(Climber climber, String routeKey) {
        return http.patch().uri("/api/v1/analytics/pyramid/routes").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("routeKey", routeKey, "cruxAngle", "roof"))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> firstRoute(Climber climber) {
        Map<String, Object> pyramid = http.get().uri("/api/v1/analytics/pyramid?discipline=sport")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, List<Map<String, Object>>>>) pyramid.get("levels")).get(0).get("routes").get(0);
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

    /**
     * The hand-written logbook the next tests compute by hand: Rainshadow (5.12a) sent on the third
     * day, Aqualung (5.11d) onsight, Mojo (5.11c) flashed then repeated, Easy Days (5.11c) on top rope.
     */
    private Climber handWrittenLogbook(String name) {
        Climber climber = new Climbers(http).verified(name);
        tick(climber, "Rainshadow", "2024-05-01", "5.12a", "redpoint");
        tick(climber, "Rainshadow", "2024-04-20", "5.12a", "attempt");
        tick(climber, "Rainshadow", "2024-04-13", "5.12a", "attempt");
        tick(climber, "Aqualung", "2023-06-01", "5.11d", "onsight");
        tick(climber, "Mojo", "2023-07-01", "5.11c", "flash");
        tick(climber, "Mojo", "2023-09-01", "5.11c", "redpoint");
        tick(climber, "Easy Days", "2023-07-02", "5.11c", "top-rope");
        return climber;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> firstRouteOfTheSportPyramid(Climber climber) {
        Map<String, Object> pyramid = http.get().uri("/api/v1/analytics/pyramid?discipline=sport")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) ((List<Map<String, Object>>) pyramid.get("levels")).get(0).get("routes")).get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHandWrittenLogbookGivesTheHandComputedPyramidAndTheWindowNarrowsIt() {
        Climber climber = handWrittenLogbook("hand-pyramid");
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
    }

    @Test
    void theOverviewCountsATopRopeAsAnAscentUntilTheClimberCountsThemAsSends() {
        Climber climber = handWrittenLogbook("hand-overview");
        http.get().uri("/api/v1/analytics/overview").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ticks").isEqualTo(7)
                .jsonPath("$.daysOutside").isEqualTo(7)
                // A clean top rope is an ascent, not a send, unless the climber counts them (below).
                .jsonPath("$.sends").isEqualTo(4)
                .jsonPath("$.bestSends[?(@.discipline == 'sport')].grade").isEqualTo("5.12a")
                .jsonPath("$.disciplines.sport").isEqualTo(7)
                .jsonPath("$.recentHardSends.length()").isEqualTo(4)
                .jsonPath("$.recentHardSends[0].route").isEqualTo("Rainshadow")
                .jsonPath("$.recentHardSends[0].category").isEqualTo("PROJECT")
                .jsonPath("$.recentHardSends[0].attempts").isEqualTo(3)
                .jsonPath("$.recentHardSends[?(@.route == 'Aqualung')].category").isEqualTo("PROJECT")
                .jsonPath("$.recentHardSends[?(@.style == 'flash')].category").isEqualTo("TIER_2")
                .jsonPath("$.projectAttempts").isEqualTo(2)
                // Aqualung and Rainshadow were new levels; Mojo twice one below Aqualung.
                .jsonPath("$.sendsByCategory.PROJECT").isEqualTo(2)
                .jsonPath("$.sendsByCategory.TIER_2").isEqualTo(2)
                .jsonPath("$.sendsByCategory.BASE_VOLUME").doesNotExist()
                .jsonPath("$.totalLengthFeet").isEqualTo(0);

        // With "count top-rope and follow ascents as sends", Easy Days (one below Aqualung) is one more.
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("countTopRopesAndFollowsAsSends", true)).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/analytics/overview").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sends").isEqualTo(5)
                .jsonPath("$.recentHardSends.length()").isEqualTo(5)
                .jsonPath("$.recentHardSends[?(@.route == 'Easy Days')].style").isEqualTo("top-rope")
                .jsonPath("$.sendsByCategory.TIER_2").isEqualTo(3);
    }

    @Test
    void aRoutesCruxIsKeptShownOnThePyramidAndCountedInTheCharacteristics() {
        Climber climber = handWrittenLogbook("hand-crux");
        String routeKey = (String) firstRouteOfTheSportPyramid(climber).get("routeKey");
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

        http.get().uri("/api/v1/analytics/characteristics").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                // Of the four sends (Easy Days is a top rope, not a send), Aqualung and Mojo went first try.
                .jsonPath("$.flashOrOnsightRate.sport").isEqualTo(0.5)
                .jsonPath("$.attemptsToSend.sport['3']").isEqualTo(1)
                .jsonPath("$.attemptsToSend.sport['1']").isEqualTo(2)
                .jsonPath("$.sendRateByLevel[?(@.level == 18)].rate").isEqualTo(1 / 3.0)
                .jsonPath("$.sendRateByLevel[?(@.level == 18)].grade").isEqualTo("5.12a")
                .jsonPath("$.cruxMix[0].discipline").isEqualTo("sport")
                .jsonPath("$.cruxMix[0].routesSent").isEqualTo(3)
                .jsonPath("$.cruxMix[0].routesDescribed").isEqualTo(1)
                .jsonPath("$.cruxMix[0].angles.overhang").isEqualTo(1)
                .jsonPath("$.cruxMix[0].energies['power-endurance']").isEqualTo(1)
                .jsonPath("$.restDays.histogram['0']").isEqualTo(1);
    }

    @Test
    void progressionCalendarAndPlacesAreTheHandComputedOnes() {
        Climber climber = handWrittenLogbook("hand-progression");
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
    }

    @Test
    @SuppressWarnings("unchecked")
    void editingATickChangesThePyramidAtOnce() {
        Climber climber = handWrittenLogbook("hand-edit");
        String aqualung = (String) ((List<Map<String, Object>>) http.get().uri("/api/v1/logbook/ticks?q=Aqualung")
                .header("Authorization", climber.bearer()).exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("items")).get(0).get("id");
        http.patch().uri("/api/v1/logbook/ticks/" + aqualung).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("grade", "5.12b")).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/analytics/pyramid?discipline=sport").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.levels[0].grade").isEqualTo("5.12b")
                .jsonPath("$.levels[0].routes[0].route").isEqualTo("Aqualung");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrIsNoDateIsAProblemOnEveryEndpoint() {
        Climber climber = new Climbers(http).verified("bad-periods");
        for (String endpoint : List.of("pyramid", "overview", "progression", "calendar", "locations", "characteristics")) {
            http.get().uri("/api/v1/analytics/" + endpoint + "?from=2024-02-01&to=2024-01-01")
                    .header("Authorization", climber.bearer()).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("is after"));
        }
        http.get().uri("/api/v1/analytics/overview?from=last-tuesday").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * A window's overview is held per instance under the revision of the climber's stored figures
     * (WindowedOverviews): every write, edit, deletion and settings change shows on the next view,
     * and a neighbour asking for the same window gets their own.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aWindowsOverviewShowsEveryWriteOnTheNextViewAndIsTheClimbersAlone() {
        Climber climber = handWrittenLogbook("hand-window");
        Climber neighbour = new Climbers(http).verified("hand-window-neighbour");
        String window = "/api/v1/analytics/overview?from=2023-07-01&to=2024-12-31";
        Map<String, Object> first = get(climber, window, Map.class);
        assertThat(first).containsEntry("ticks", 6).containsEntry("sends", 3);
        assertThat(get(climber, window, Map.class)).as("asked again, unchanged").isEqualTo(first);
        assertThat(get(neighbour, window, Map.class)).containsEntry("ticks", 0);

        tick(climber, "Levitation 29", "2024-10-05", "5.11c", "redpoint");
        assertThat(get(climber, window, Map.class)).containsEntry("ticks", 7).containsEntry("sends", 4);

        String levitation = (String) ((List<Map<String, Object>>) get(climber, "/api/v1/logbook/ticks?q=Levitation", Map.class)
                .get("items")).get(0).get("id");
        http.patch().uri("/api/v1/logbook/ticks/" + levitation).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("style", "attempt")).exchange().expectStatus().isOk();
        assertThat(get(climber, window, Map.class)).containsEntry("ticks", 7).containsEntry("sends", 3);

        http.delete().uri("/api/v1/logbook/ticks/" + levitation).header("Authorization", climber.bearer()).exchange()
                .expectStatus().is2xxSuccessful();
        assertThat(get(climber, window, Map.class)).isEqualTo(first);

        // The top rope on 2023-07-02 becomes a send once the climber counts them.
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("countTopRopesAndFollowsAsSends", true)).exchange().expectStatus().isOk();
        assertThat(get(climber, window, Map.class)).containsEntry("ticks", 6).containsEntry("sends", 4);
        assertThat(get(neighbour, window, Map.class)).containsEntry("ticks", 0);
    }

    @Test
    void aClimberWithoutTicksSeesNoneOfAnothersFigures() {
        handWrittenLogbook("hand-owner");
        Climber stranger = new Climbers(http).verified("stranger");
        http.get().uri("/api/v1/analytics/pyramid?discipline=sport").header("Authorization", stranger.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.levels.length()").isEqualTo(0);
        http.get().uri("/api/v1/analytics/overview").header("Authorization", stranger.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ticks").isEqualTo(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void importingMoreTicksUpdatesEveryViewAndANeighboursTicksNeverShow() {
        Climbers climbers = new Climbers(http);
        Climber climber = climbers.verified("growing");
        Climber neighbour = climbers.verified("neighbour");
        List<Map<String, String>> boulders = SharedExports.rows(SharedExports.bytes("mountain-project/ticks-boulder-267.csv"));
        List<Map<String, String>> routes = SharedExports.rows(SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"));
        List<Map<String, String>> small = SharedExports.rows(SharedExports.bytes("mountain-project/ticks-small-4.csv"));
        importFile(neighbour, SharedExports.bytes("mountain-project/ticks-small-4.csv"));

        importFile(climber, SharedExports.bytes("mountain-project/ticks-boulder-267.csv"));
        assertViewsMatch(climber, boulders);
        int sportSendsBefore = sends(levels(climber, "sport"));
        assertThat(levels(climber, "boulder")).isNotEmpty();

        // No rebuild step: the next import shows in every view at once.
        importFile(climber, SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"));
        List<Map<String, String>> both = new ArrayList<>(boulders);
        both.addAll(routes);
        assertViewsMatch(climber, both);
        assertThat(sends(levels(climber, "sport"))).isGreaterThan(sportSendsBefore);
        assertThat(levels(climber, "trad")).isNotEmpty();

        // The neighbour, who shares the database and imported first, sees only their four ticks.
        assertViewsMatch(neighbour, small);
    }

    /** Overview, calendar, places and progression against figures counted here from the export rows. */
    @SuppressWarnings("unchecked")
    private void assertViewsMatch(Climber climber, List<Map<String, String>> rows) {
        Set<String> days = new java.util.TreeSet<>();
        Set<String> months = new java.util.TreeSet<>();
        Set<String> regions = new java.util.TreeSet<>();
        int pitches = 0;
        long lengthFeet = 0;
        for (Map<String, String> row : rows) {
            lengthFeet += row.get("Length").isBlank() ? 0 : Integer.parseInt(row.get("Length"));
            days.add(row.get("Date"));
            months.add(row.get("Date").substring(0, 7));
            regions.add(row.get("Location").split(" > ")[0].trim());
            pitches += row.get("Pitches").isBlank() ? 1 : Integer.parseInt(row.get("Pitches"));
        }
        Map<String, Object> overview = get(climber, "/api/v1/analytics/overview", Map.class);
        assertThat(((Number) overview.get("ticks")).intValue()).isEqualTo(rows.size());
        assertThat(((Number) overview.get("pitches")).intValue()).isEqualTo(pitches);
        assertThat(((Number) overview.get("daysOutside")).intValue()).isEqualTo(days.size());
        assertThat(overview.get("firstDay")).isEqualTo(days.iterator().next());
        assertThat(((Number) overview.get("totalLengthFeet")).longValue()).isEqualTo(lengthFeet);
        Map<String, Object> calendar = get(climber, "/api/v1/analytics/calendar", Map.class);
        assertThat((List<Map<String, Object>>) calendar.get("days")).extracting(d -> d.get("date"))
                .containsExactlyElementsOf(days);
        List<Map<String, Object>> places = get(climber, "/api/v1/analytics/locations", List.class);
        assertThat(places).extracting(p -> p.get("name")).containsExactlyInAnyOrderElementsOf(regions);
        assertThat(places.stream().mapToInt(p -> ((Number) p.get("ticks")).intValue()).sum()).isEqualTo(rows.size());
        Map<String, Object> progression = get(climber, "/api/v1/analytics/progression", Map.class);
        assertThat((List<Map<String, Object>>) progression.get("volume")).extracting(m -> m.get("month"))
                .containsExactlyInAnyOrderElementsOf(months);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> levels(Climber climber, String discipline) {
        return (List<Map<String, Object>>) get(climber, "/api/v1/analytics/pyramid?levels=12&discipline=" + discipline,
                Map.class).get("levels");
    }

    private static int sends(List<Map<String, Object>> levels) {
        return levels.stream().mapToInt(level -> ((Number) level.get("sends")).intValue()).sum();
    }

    private <T> T get(Climber climber, String uri, Class<T> type) {
        return http.get().uri(uri).header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(type).returnResult().getResponseBody();
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
