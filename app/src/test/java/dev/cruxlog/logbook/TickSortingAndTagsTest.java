package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sorting by grade or date across pages, and the climber's own tags. */
@CruxlogIntegrationTest
class TickSortingAndTagsTest {

    @Autowired
    WebTestClient http;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tick(String id, String route, String grade, Integer gradeIndex, String date, List<String> tags) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Tick> items, String nextCursor) {
    }

    @Test
    void gradeSortPagesThroughEveryTickInOrderAndTagsFilterAndSurvive() {
        Climber climber = new Climbers(http).verified("sorting");
        String[][] ticks = {{"Easy", "5.8", "2024-01-05"}, {"Hard", "5.12a", "2024-01-01"}, {"Mid", "5.10c", "2024-01-03"},
                {"Also Mid", "5.10c", "2024-01-04"}, {"Boulder", "V4", "2024-01-02"}, {"Mystery", "WI4", "2024-01-06"}};
        for (String[] t : ticks) {
            http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("route", t[0], "date", t[2], "grade", t[1],
                            "discipline", t[1].startsWith("V") ? "boulder" : t[1].startsWith("WI") ? "ice" : "sport",
                            "style", "redpoint", "tags", t[0].contains("Mid") ? List.of("project", "gunks") : List.of()))
                    .exchange().expectStatus().isCreated();
        }
        assertThat(routes(climber, "sort=grade")).containsExactly("Hard", "Also Mid", "Mid", "Easy", "Boulder", "Mystery");
        assertThat(routes(climber, "sort=grade,asc")).containsExactly("Mystery", "Boulder", "Easy", "Mid", "Also Mid", "Hard");
        assertThat(routes(climber, "sort=date,asc")).containsExactly("Hard", "Boulder", "Mid", "Also Mid", "Easy", "Mystery");
        assertThat(routes(climber, "tag=project")).containsExactlyInAnyOrder("Mid", "Also Mid");
        http.get().uri("/api/v1/logbook/ticks?sort=sideways").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");

        String export = http.get().uri("/api/v1/logbook/export?format=csv").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(export).contains("\"project;gunks\"");

        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        Document page = browser.get("/logbook?sort=grade").document();
        assertThat(page.select("th[aria-sort=descending]").text()).isEqualTo("Grade");
        assertThat(page.select("th:contains(Grade) a").attr("href")).contains("sort=grade%2Casc");
        assertThat(page.select("#ticks tbody tr td:nth-child(2)").eachText()).startsWith("Hard", "Also Mid");
    }

    private List<String> routes(Climber climber, String query) {
        List<String> routes = new ArrayList<>();
        String cursor = null;
        do {
            Page page = http.get().uri("/api/v1/logbook/ticks?limit=2&" + query + (cursor == null ? "" : "&cursor=" + cursor))
                    .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                    .expectBody(Page.class).returnResult().getResponseBody();
            page.items().forEach(t -> routes.add(t.route()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return routes;
    }
}
