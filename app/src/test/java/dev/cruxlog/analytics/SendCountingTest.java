package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #16: headline figures count lead and boulder sends; clean top ropes and follows are
 * ascents of their own style, counted as sends only with the climber's setting, which moves
 * every figure at once. Known answers are counted here from the rows of the 567-tick export
 * with the rules of {@code docs/ascent-rules.md}, not by the code under test.
 */
@CruxlogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendCountingTest {

    /** The documented fall words: a top rope or follow whose notes say one was not clean. */
    private static final Pattern FALL_WORDS = Pattern.compile(
            "\\b(fell|falls?|hung|hang(ing|s)?|took|dogg?ed|rested on|weighted)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LEAD_SEND_STYLES = Set.of("Onsight", "Flash", "Redpoint", "Pinkpoint", "");

    @Autowired
    WebTestClient http;

    private List<Map<String, String>> rows;
    private Climber climber;

    @BeforeAll
    void importTheExport() {
        byte[] file = SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv");
        rows = SharedExports.rows(file);
        climber = new Climbers(http).verified("send-counting");
        new LogbookImports(http).upload(climber, file, "ticks.csv", null);
    }

    private static boolean leadOrBoulderSend(Map<String, String> row) {
        String style = row.get("Style");
        return "Lead".equals(style) && LEAD_SEND_STYLES.contains(row.get("Lead Style"))
                || Set.of("Send", "Flash", "Solo").contains(style);
    }

    private static boolean cleanTopRopeOrFollow(Map<String, String> row) {
        return Set.of("TR", "Follow").contains(row.get("Style")) && !FALL_WORDS.matcher(row.get("Notes")).find();
    }

    /** Send rates are per rock or boulder level: ice (WI) and mixed (M) grades have none. */
    private static boolean onRockLevels(Map<String, String> row) {
        return !row.get("Rating").matches("(WI|M)\\d.*");
    }

    /** The route's own discipline: of sport and trad, the first its Route Type lists. */
    private static String rockDiscipline(Map<String, String> row) {
        for (String type : row.get("Route Type").split(",")) {
            String trimmed = type.trim();
            if (trimmed.equals("Sport") || trimmed.equals("Trad")) {
                return trimmed.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }

    @Test
    void withoutTheSettingHeadlineFiguresCountLeadAndBoulderSendsOnly() {
        long leadSends = rows.stream().filter(SendCountingTest::leadOrBoulderSend).count();
        Set<String> leadSentRoutes = new HashSet<>();
        rows.stream().filter(SendCountingTest::leadOrBoulderSend).forEach(row -> leadSentRoutes.add(row.get("Route")));
        assertThat(rows.stream().filter(SendCountingTest::cleanTopRopeOrFollow).count()).as("the file has clean seconds")
                .isGreaterThan(100);

        setting(false);
        Map<String, Object> overview = get("/api/v1/analytics/overview", Map.class);
        assertThat(((Number) overview.get("sends")).longValue()).isEqualTo(leadSends);
        List<Map<String, Object>> best = list(overview.get("bestSends"));
        assertThat(best).isNotEmpty();
        // "Best sends" listed a top-rope 5.12 whose note says "Struggled": every best send is a led route.
        best.forEach(send -> assertThat(leadSentRoutes).as(send.toString()).contains((String) send.get("route")));
        assertThat(list(overview.get("recentHardSends"))).extracting(send -> send.get("style"))
                .doesNotContain("top-rope", "follow");

        Map<String, Object> progression = get("/api/v1/analytics/progression", Map.class);
        assertThat(list(progression.get("hardestByMonth"))).extracting(month -> month.get("style"))
                .isNotEmpty().doesNotContain("top-rope", "follow");

        Map<String, Object> characteristics = get("/api/v1/analytics/characteristics", Map.class);
        long rateSends = list(characteristics.get("sendRateByLevel")).stream()
                .mapToLong(rate -> ((Number) rate.get("sends")).longValue()).sum();
        assertThat(rateSends).isEqualTo(rows.stream().filter(SendCountingTest::onRockLevels)
                .filter(SendCountingTest::leadOrBoulderSend).count());

        // The places page's hardest is a send: in every region, the grade of one of its lead or
        // boulder sends (the review found a top rope there), and no hardest where none was sent.
        Map<String, Set<String>> sentGrades = new java.util.HashMap<>();
        rows.forEach(row -> {
            Set<String> grades = sentGrades.computeIfAbsent(row.get("Location").split(" > ")[0].trim(), k -> new HashSet<>());
            if (leadOrBoulderSend(row)) {
                grades.add(row.get("Rating"));
            }
        });
        List<Map<String, Object>> regions = get("/api/v1/analytics/locations", List.class);
        assertThat(regions).isNotEmpty().allSatisfy(region -> {
            Set<String> sent = sentGrades.get((String) region.get("name"));
            if (sent.isEmpty()) {
                assertThat(region.get("hardestGrade")).as(region.get("name") + " has no send").isNull();
            } else {
                assertThat(sent).as(region.get("name") + "'s hardest").contains((String) region.get("hardestGrade"));
            }
        });
    }

    @Test
    void theSettingCountsCleanTopRopesAndFollowsInEveryFigureAtOnce() {
        long leadSends = rows.stream().filter(SendCountingTest::leadOrBoulderSend).count();
        long cleanSeconds = rows.stream().filter(SendCountingTest::cleanTopRopeOrFollow).count();
        try {
            setting(true);
            Map<String, Object> overview = get("/api/v1/analytics/overview", Map.class);
            assertThat(((Number) overview.get("sends")).longValue()).isEqualTo(leadSends + cleanSeconds);
            Map<String, Object> progression = get("/api/v1/analytics/progression", Map.class);
            assertThat(list(progression.get("hardestByMonth"))).extracting(month -> month.get("style"))
                    .contains("top-rope", "follow");
            Map<String, Object> characteristics = get("/api/v1/analytics/characteristics", Map.class);
            long rateSends = list(characteristics.get("sendRateByLevel")).stream()
                    .mapToLong(rate -> ((Number) rate.get("sends")).longValue()).sum();
            assertThat(rateSends).isEqualTo(rows.stream().filter(SendCountingTest::onRockLevels)
                    .filter(row -> leadOrBoulderSend(row) || cleanTopRopeOrFollow(row)).count());
            // The pyramid follows the setting without being asked.
            assertThat(pyramidRoutes("sport", false)).isEqualTo(pyramidRoutes("sport", true));
        } finally {
            setting(false);
        }
    }

    @Test
    void countTopRopesAndFollowsAddsTheSportRoutesTopRopesAndFollows() {
        Set<String> led = new HashSet<>();
        Set<String> ledOrSeconded = new HashSet<>();
        for (Map<String, String> row : rows) {
            if (!rockDiscipline(row).equals("sport")) {
                continue;
            }
            if (leadOrBoulderSend(row)) {
                led.add(row.get("URL"));
                ledOrSeconded.add(row.get("URL"));
            } else if (cleanTopRopeOrFollow(row)) {
                ledOrSeconded.add(row.get("URL"));
            }
        }
        assertThat(ledOrSeconded.size()).as("routes only top-roped or followed").isGreaterThan(led.size() + 20);

        setting(false);
        List<Map<String, Object>> without = pyramidRoutes("sport", false);
        List<Map<String, Object>> with = pyramidRoutes("sport", true);
        assertThat(without).extracting(route -> route.get("style")).doesNotContain("top-rope", "follow");
        assertThat(with).extracting(route -> route.get("style")).contains("top-rope", "follow");
        // Twelve levels down from the top: every route at or above the easiest grade shown is there
        // (Mountain Project's Rating Code orders grades), and no other.
        Map<String, Integer> codes = new java.util.HashMap<>();
        rows.forEach(row -> codes.put(row.get("URL"), Integer.parseInt(row.get("Rating Code"))));
        assertThat(routeKeys(without)).isEqualTo(shownOf(led, codes, without));
        assertThat(routeKeys(with)).isEqualTo(shownOf(ledOrSeconded, codes, with));
        assertThat(with.size() - without.size()).as("the sport top ropes and follows added").isGreaterThan(20);
    }

    @Test
    void everyCleanTopRopeAndFollowOfTheFileIsAnAscentOfItsStyleAndNotASend() {
        List<String> expected = rows.stream().filter(SendCountingTest::cleanTopRopeOrFollow)
                .map(row -> row.get("Date") + " " + row.get("Route") + " " + (row.get("Style").equals("TR") ? "top-rope" : "follow"))
                .sorted().toList();
        List<Map<String, Object>> ticks = new LogbookImports(http).ticks(climber);
        List<String> actual = ticks.stream().filter(tick -> Set.of("top-rope", "follow").contains(tick.get("style")))
                .map(tick -> tick.get("date") + " " + tick.get("route") + " " + tick.get("style")).sorted().toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(ticks).filteredOn(tick -> Set.of("top-rope", "follow").contains(tick.get("style")))
                .allSatisfy(tick -> assertThat(tick.get("send")).isEqualTo(false));
    }

    @Test
    void aFollowOfATradRouteStaysTradAndIsLabelledAFollow() {
        Map<String, String> razorWorm = rows.stream().filter(row -> row.get("Route").equals("Razor Worm")).findFirst()
                .orElseThrow();
        assertThat(razorWorm.get("Style")).isEqualTo("Follow");
        assertThat(razorWorm.get("Route Type")).isEqualTo("Trad");
        Map<String, Object> page = get("/api/v1/logbook/ticks?q=Razor+Worm", Map.class);
        List<Map<String, Object>> ticks = list(page.get("items"));
        assertThat(ticks).isNotEmpty().allSatisfy(tick -> {
            assertThat(tick).containsEntry("discipline", "trad").containsEntry("style", "follow");
            assertThat(tick.get("send")).isEqualTo(false);
        });
    }

    @Test
    void theAccountPageSettingChangesTheDashboardsSendRate() {
        long leadSends = rows.stream().filter(SendCountingTest::leadOrBoulderSend).count();
        long cleanSeconds = rows.stream().filter(SendCountingTest::cleanTopRopeOrFollow).count();
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        try {
            assertThat(browser.get("/account").document().select("#countTopRopesAndFollowsAsSends").hasAttr("checked")).isFalse();
            assertThat(sendRate(browser)).isEqualTo(Math.round(leadSends * 100.0 / rows.size()) + "%");

            Map<String, String> form = new java.util.HashMap<>(Map.of("username", climber.username(), "routeSystem", "yds",
                    "boulderSystem", "v", "lengthUnit", "ft", "countTopRopesAndFollowsAsSends", "true"));
            browser.get("/account");
            assertThat(browser.post("/account/profile", form).status().value()).isEqualTo(303);
            assertThat(browser.get("/account").document().select("#countTopRopesAndFollowsAsSends").hasAttr("checked")).isTrue();
            assertThat(sendRate(browser)).isEqualTo(Math.round((leadSends + cleanSeconds) * 100.0 / rows.size()) + "%");

            // An unticked box is not sent by a browser: the setting goes back off.
            form.remove("countTopRopesAndFollowsAsSends");
            browser.get("/account");
            assertThat(browser.post("/account/profile", form).status().value()).isEqualTo(303);
            assertThat(browser.get("/account").document().select("#countTopRopesAndFollowsAsSends").hasAttr("checked")).isFalse();
        } finally {
            setting(false);
        }
    }

    private static String sendRate(Browser browser) {
        return browser.get("/dashboard?window=all").document().select(".stat").stream()
                .filter(stat -> stat.select(".stat-label").text().equals("send rate")).findFirst().orElseThrow()
                .select(".stat-value").text();
    }

    private static Set<String> routeKeys(List<Map<String, Object>> routes) {
        return routes.stream().map(route -> (String) route.get("routeKey")).collect(java.util.stream.Collectors.toSet());
    }

    /** The routes expected in a pyramid that shows down to its easiest route's grade. */
    private static Set<String> shownOf(Set<String> expected, Map<String, Integer> codes, List<Map<String, Object>> shown) {
        int easiest = routeKeys(shown).stream().mapToInt(codes::get).min().orElseThrow();
        return expected.stream().filter(url -> codes.get(url) >= easiest).collect(java.util.stream.Collectors.toSet());
    }

    private void setting(boolean countTopRopesAndFollows) {
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("countTopRopesAndFollowsAsSends", countTopRopesAndFollows)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.countTopRopesAndFollowsAsSends").isEqualTo(countTopRopesAndFollows);
    }

    /** Every route of the discipline's pyramid, down to twelve levels (the whole file). */
    private List<Map<String, Object>> pyramidRoutes(String discipline, boolean includeFollows) {
        Map<String, Object> pyramid = get("/api/v1/analytics/pyramid?levels=12&discipline=" + discipline
                + "&includeFollows=" + includeFollows, Map.class);
        return list(pyramid.get("levels")).stream().flatMap(level -> list(level.get("routes")).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(String uri, Class<T> type) {
        return http.get().uri(uri).header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(type).returnResult().getResponseBody();
    }
}
