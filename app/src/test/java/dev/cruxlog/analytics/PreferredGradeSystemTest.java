package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #16: with French preferred, the sport pyramid read 6b+, 6b, 6b, 6a+ and its advice "3
 * more 6b sends, 6 more 6b sends": YDS levels renamed. A pyramid in the climber's system has one
 * level per grade of that system, in the system's order, and every route sits on the level its
 * own grade converts to (the public conversion endpoint's answer, not the pyramid's code).
 */
@CruxlogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferredGradeSystemTest {

    /** Each system's grades, easiest first, as climbers write them. */
    private static final Map<String, List<String>> LADDERS = Map.of(
            "french", List.of("1", "2", "3", "4a", "4b", "4c", "5a", "5b", "5c", "6a", "6a+", "6b", "6b+", "6c", "6c+",
                    "7a", "7a+", "7b", "7b+", "7c", "7c+", "8a", "8a+", "8b", "8b+", "8c", "8c+", "9a", "9a+", "9b", "9b+", "9c"),
            "uiaa", List.of("III", "IV", "IV+", "V-", "V", "V+", "VI-", "VI", "VI+", "VII-", "VII", "VII+", "VIII-", "VIII",
                    "VIII+", "IX-", "IX", "IX+", "X-", "X", "X+", "XI-", "XI", "XI+", "XII-", "XII", "XII+"));

    @Autowired
    WebTestClient http;

    private Climber climber;

    @BeforeAll
    void importTheExport() {
        climber = new Climbers(http).verified("grade-systems");
        new LogbookImports(http).upload(climber, SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"),
                "ticks.csv", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"french", "uiaa"})
    @SuppressWarnings("unchecked")
    void theSportPyramidHasOneLevelPerGradeOfTheClimbersSystem(String system) {
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("preferredGradeSystems", Map.of("route", system))).exchange().expectStatus().isOk();
        Map<String, Object> pyramid = http.get().uri("/api/v1/analytics/pyramid?discipline=sport&levels=8")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(pyramid.get("gradeSystem")).isEqualTo(system);
        List<Map<String, Object>> levels = (List<Map<String, Object>>) pyramid.get("levels");
        List<String> names = levels.stream().map(level -> (String) level.get("grade")).toList();
        assertThat(names).as("no two levels with one name").doesNotHaveDuplicates().hasSize(8);

        // Consecutive grades of the system, hardest first.
        List<String> ladder = LADDERS.get(system);
        int top = ladder.indexOf(names.get(0));
        assertThat(top).as(names.get(0) + " is a " + system + " grade").isNotNegative();
        List<String> expected = new java.util.ArrayList<>(ladder.subList(top - 7, top + 1));
        java.util.Collections.reverse(expected);
        assertThat(names).containsExactlyElementsOf(expected);

        // The index the import settled on per route: Mountain Project's rating code wins over a
        // grade text it disagrees with ("5.9+" coded as 5.9), and the pyramid uses that reading.
        Map<String, Integer> indexByRoute = new java.util.HashMap<>();
        new LogbookImports(http).ticks(climber).forEach(tick -> {
            if (tick.get("routeUrl") != null && tick.get("gradeIndex") != null) {
                indexByRoute.put((String) tick.get("routeUrl"), (Integer) tick.get("gradeIndex"));
            }
        });
        int checked = 0;
        int readFromRatingCode = 0;
        for (Map<String, Object> level : levels) {
            for (Map<String, Object> route : (List<Map<String, Object>>) level.get("routes")) {
                Map<String, Object> conversion = convert((String) route.get("grade"), system);
                if (!conversion.get("index").equals(indexByRoute.get((String) route.get("routeKey")))) {
                    readFromRatingCode++;
                    continue;
                }
                assertThat(conversion.get("result")).as(route.get("route") + " " + route.get("grade"))
                        .isEqualTo(level.get("grade"));
                checked++;
            }
            assertThat(((List<?>) level.get("routes"))).hasSize((Integer) level.get("sends"));
        }
        // Most routes are checked; the others ("5.10" coded 5.10b, ...) were read from the code.
        assertThat(checked).isGreaterThan(50).isGreaterThan(readFromRatingCode * 3);

        Map<String, Object> next = (Map<String, Object>) pyramid.get("next");
        assertThat(next.get("grade")).isEqualTo(ladder.get(top + 1));
        assertThat(((List<Map<String, Object>>) next.get("needs")).stream().map(need -> need.get("grade")))
                .doesNotHaveDuplicates();

        Map<String, Object> characteristics = http.get().uri("/api/v1/analytics/characteristics")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> sportRates = ((List<Map<String, Object>>) characteristics.get("sendRateByLevel")).stream()
                .filter(rate -> rate.get("discipline").equals("sport")).toList();
        assertThat(sportRates).extracting(rate -> rate.get("grade")).doesNotHaveDuplicates().isSubsetOf(ladder);
    }

    @org.junit.jupiter.api.Test
    void theDashboardsListsAndThePlacesPageShowGradesInTheClimbersSystem() {
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("preferredGradeSystems", Map.of("route", "french", "boulder", "font"))).exchange()
                .expectStatus().isOk();
        dev.cruxlog.support.Browser browser = new dev.cruxlog.support.Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        List<String> french = LADDERS.get("french");
        org.jsoup.nodes.Document dashboard = browser.get("/dashboard?window=all").document();
        List<String> listed = dashboard.select("section[aria-labelledby=best-heading] li strong, "
                + "section[aria-labelledby=hard-heading] li strong").eachText();
        assertThat(listed).isNotEmpty().allSatisfy(grade -> assertThat(french.contains(grade) || grade.matches("[3-9][ABC]?\\+?|4[-+]?"))
                .as(grade + " is a French or Font grade").isTrue());
        String places = browser.get("/where-and-when").document().select(".tree").text();
        java.util.regex.Matcher hardest = java.util.regex.Pattern.compile("hardest send ([^\\s,]+)").matcher(places);
        int found = 0;
        while (hardest.find()) {
            String grade = hardest.group(1).trim();
            assertThat(french.contains(grade) || grade.matches("[3-9][ABC]?\\+?|4[-+]?")).as(grade).isTrue();
            found++;
        }
        assertThat(found).isGreaterThan(5);
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("preferredGradeSystems", Map.of("route", "yds", "boulder", "v"))).exchange()
                .expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> convert(String yds, String system) {
        String plain = yds.split(" ")[0];
        return http.get().uri(uri -> uri.path("/api/v1/grades/convert").queryParam("grade", plain)
                        .queryParam("from", "yds").queryParam("to", system).build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
