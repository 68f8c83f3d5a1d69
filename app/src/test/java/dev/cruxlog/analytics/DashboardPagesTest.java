package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Browser.Page;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard, progression and where-and-when pages, with their chart data and tables. */
@CruxlogIntegrationTest
class DashboardPagesTest {

    @Autowired
    WebTestClient http;

    @Test
    void aNewClimberIsToldHowToStart() {
        Browser browser = signedIn(new Climbers(http).verified("dash-empty"));
        Document page = browser.get("/dashboard").document();
        assertThat(page.select(".empty-state a[href=/logbook/import]")).hasSize(1);
        assertThat(browser.get("/progression").document().select(".empty-state")).hasSize(1);
        assertThat(browser.get("/where-and-when").document().select(".empty-state")).hasSize(1);
    }

    @Test
    void theDashboardShowsTheNumbersThePyramidChartDataAndTheTableBesideIt() {
        Climber climber = new Climbers(http).verified("dash");
        tick(climber, "Rainshadow", "2024-05-01", "5.12a", "redpoint");
        tick(climber, "Aqualung", "2023-06-01", "5.11d", "onsight");
        tick(climber, "Mojo", "2023-07-01", "5.11c", "flash");
        Browser browser = signedIn(climber);

        Document page = browser.get("/dashboard").document();
        assertThat(page.select("#stat-ticks").text()).isEqualTo("3");
        assertThat(page.select("#stat-vertical").text()).isEqualTo("0 ft");
        assertThat(page.select("#stat-first-day").text()).isEqualTo("1 Jun 2023");
        assertThat(page.select("section[aria-labelledby=hard-heading] li").eachText()).containsExactly(
                "5.12a Rainshadow · sport · 1 May 2024 · at your limit · 1 try",
                "5.11c Mojo · sport · 1 Jul 2023 · a grade below your best · 1 try",
                "5.11d Aqualung · sport · 1 Jun 2023 · at your limit · 1 try");
        assertThat(page.select("#send-categories tr").eachText())
                .containsExactly("Projects (at your limit) 2", "One grade below 1", "Two grades below 0",
                        "Three grades below 0", "Base volume (mileage) 0");
        assertThat(page.select("#pyramid-table tbody tr th").eachText()).containsExactly("5.12a", "5.11d", "5.11c", "5.11b");
        // The pyramid is drawn in the page: a row per grade, hardest on top, each bar stacked by style.
        assertThat(page.select("#pyramid-picture g.pyramid-row").eachAttr("data-grade"))
                .containsExactly("5.12a", "5.11d", "5.11c", "5.11b");
        assertThat(page.select("#pyramid-picture g.pyramid-row").eachAttr("data-sends")).containsExactly("1", "1", "1", "0");
        assertThat(page.select("#pyramid-picture g.pyramid-row").eachAttr("data-ideal")).containsExactly("1", "2", "4", "8");
        assertThat(page.select("#pyramid-picture rect.pyramid-segment").eachAttr("data-style"))
                .containsExactly("redpoint", "onsight", "flash");
        assertThat(page.select("#pyramid-picture .pyramid-legend li").eachText())
                .containsExactly("Onsight", "Flash", "Redpoint", "Ideal 1-2-4-8");
        assertThat(page.select("#pyramid-picture svg title").first().text()).contains("5.12a: 1 send of an ideal 1");
        assertThat(page.select(".advice").text()).startsWith("For 5.12b:");
        assertThat(page.select("script[src^=/webjars/chart.js]")).as("the pyramid needs no script").isEmpty();

        String routeKey = page.select("input[name=routeKey]").first().attr("value");
        String returnTo = page.select("input[name=returnTo]").first().attr("value");
        Page saved = browser.post("/dashboard/routes", Map.of("routeKey", routeKey, "cruxAngle", "roof", "cruxEnergy", "",
                "returnTo", returnTo));
        assertThat(saved.location()).isEqualTo("/dashboard?discipline=sport");
        assertThat(browser.post("/dashboard/routes", Map.of("routeKey", routeKey, "cruxAngle", "roof",
                "returnTo", "https://evil.example/dashboard?x=1")).location()).as("never an open redirect")
                .isEqualTo("/dashboard");
        assertThat(browser.get("/dashboard").document().select("details.route summary").first().text()).contains("roof");
        assertThat(browser.post("/dashboard/routes", Map.of("routeKey", routeKey, "cruxAngle", "upside-down",
                "returnTo", returnTo)).status().value()).as("a value the form does not offer: a 400, not an error of ours")
                .isEqualTo(400);
        assertThat(browser.post("/dashboard/routes", Map.of("routeKey", "k".repeat(2_001), "cruxAngle", "roof",
                "returnTo", returnTo)).status().value()).as("a key past its bound").isEqualTo(400);

        Document progression = browser.get("/progression").document();
        JsonNode sport = JsonMapper.builder().build().readTree(progression.select("#progress-sport").attr("data-chart"));
        assertThat(sport.get("first").asInt()).as("2023-06").isEqualTo(2023 * 12 + 5);
        assertThat(sport.get("last").asInt()).as("2024-05").isEqualTo(2024 * 12 + 4);
        assertThat(sport.get("lines").toString()).contains("Redpoint").contains("Onsight or flash");
        assertThat(sport.get("grades").toString()).contains("5.12a").contains("5.11d").contains("5.11c");
        assertThat(progression.select("details.numbers summary").first().text()).isEqualTo("Show the numbers");
        assertThat(progression.select("#volume-table tbody tr")).hasSize(3);
        assertThat(progression.select("#grade-distribution tbody tr").eachText())
                .contains("2024 sport 5.12a 1", "2023 sport 5.11d 1", "2023 sport 5.11c 1");
        Document where = browser.get("/where-and-when").document();
        assertThat(where.select("ul.tree summary").text()).contains("Nevada");
        assertThat(where.select("ul.tree summary").text()).contains("hardest send 5.12a");
        // Every year of the logbook, the latest shown first; another year a click away.
        assertThat(where.select(".year-picker a").eachText()).containsExactly("2024", "2023");
        assertThat(where.select("#days-heading").text()).isEqualTo("Days out in 2024");
        assertThat(where.select(".heatmap span[data-day=2024-05-01]").attr("class")).isEqualTo("heat-1");
        assertThat(where.select(".heatmap span[data-day=2024-05-01]").attr("data-ticks")).isEqualTo("1");
        assertThat(where.select(".heatmap-week")).hasSizeBetween(53, 54);
        assertThat(where.select(".calendar-month").eachText()).containsExactly("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
        assertThat(where.select(".calendar-weekdays span").eachText()).containsExactly("Mon", "Wed", "Fri", "Sun");
        assertThat(where.select(".calendar-legend").text()).contains("Less").contains("More");
        Document earlier = browser.get("/where-and-when?year=2023").document();
        assertThat(earlier.select("#days-heading").text()).isEqualTo("Days out in 2023");
        assertThat(earlier.select(".heatmap span[data-day=2023-06-01]").attr("class")).isEqualTo("heat-1");
        assertThat(earlier.select(".heatmap span[data-day=2024-05-01]")).isEmpty();
        assertThat(browser.get("/where-and-when?year=1066").document().select("#days-heading").text())
                .as("a year the logbook does not hold").isEqualTo("Days out in 2024");
        assertThat(browser.get("/where-and-when?year=<b>").status().value()).isEqualTo(200);
        Document how = browser.get("/characteristics").document();
        JsonNode mix = JsonMapper.builder().build().readTree(how.select("#style-chart").attr("data-chart"));
        assertThat(mix.get("labels").toString()).isEqualTo("[\"Sport\"]");
        java.util.List<String> series = new java.util.ArrayList<>();
        mix.get("series").forEach(one -> series.add(one.get("label").asString() + " " + one.get("data")));
        assertThat(series).containsExactly("Onsight [1]", "Flash [1]", "Redpoint [1]");
        assertThat(how.select("table.data").first().select("tbody tr").eachText())
                .contains("Sport Onsight 1", "Sport Flash 1", "Sport Redpoint 1");
        assertThat(how.text()).contains("67% onsight or flash");
        assertThat(how.select("#crux-mix tbody tr").eachText()).containsExactly("sport 1 of 3 routes roof: 1");
        assertThat(how.select("#send-rates tbody tr td").eachText()).contains("5.12a", "5.11d", "5.11c");

        // A date range narrows the numbers and the pyramid; a range with nothing in it is no invitation to import.
        Document range = browser.get("/dashboard?from=2024-01-01&to=2024-12-31").document();
        assertThat(range.select("#stat-ticks").text()).isEqualTo("1");
        assertThat(range.select("#pyramid-table tbody tr td:eq(1)").eachText()).containsExactly("1", "0", "0", "0");
        assertThat(range.select("input#from").attr("value")).isEqualTo("2024-01-01");
        Document nothing = browser.get("/dashboard?from=2020-01-01&to=2020-12-31").document();
        assertThat(nothing.select("#stat-ticks").text()).isEqualTo("0");
        assertThat(nothing.select(".empty-state")).isEmpty();
        assertThat(nothing.text()).contains("No sport sends in this period yet.");
    }

    @Test
    void thePyramidPageShowsMoreLevelsOtherDisciplinesAndFollowsOnRequest() {
        Climber climber = new Climbers(http).verified("pyramid-page");
        tick(climber, "Rainshadow", "2024-05-01", "5.12a", "redpoint");
        tick(climber, "Aqualung", "2023-06-01", "5.11d", "onsight");
        tick(climber, "Mojo", "2023-07-01", "5.11c", "flash");
        tick(climber, "Seconded", "2023-07-02", "5.12b", "follow");
        Browser browser = signedIn(climber);

        Document four = browser.get("/pyramid").document();
        assertThat(four.select("h1").text()).isEqualTo("Sport pyramid");
        assertThat(four.select("#pyramid-table tbody tr th").eachText()).containsExactly("5.12a", "5.11d", "5.11c", "5.11b");
        assertThat(four.select("#discipline option").eachAttr("value")).contains("sport", "trad", "boulder", "tr", "ice");

        Document six = browser.get("/pyramid?levels=6").document();
        assertThat(six.select("#pyramid-table tbody tr")).hasSize(6);
        assertThat(six.select("#levels option[selected]").attr("value")).isEqualTo("6");

        // A follow is no lead: it joins the pyramid only when asked for, and then it tops it.
        Document withFollows = browser.get("/pyramid?includeFollows=true").document();
        assertThat(withFollows.select("#pyramid-table tbody tr th").first().text()).isEqualTo("5.12b");
        assertThat(withFollows.select("input[name=includeFollows]").hasAttr("checked")).isTrue();

        Document lastYear = browser.get("/pyramid?window=range&from=2023-01-01&to=2023-12-31").document();
        assertThat(lastYear.select("#pyramid-table tbody tr th").first().text()).isEqualTo("5.11d");
        assertThat(lastYear.select("#window option[selected]").attr("value")).isEqualTo("range");

        String returnTo = six.select("input[name=returnTo]").first().attr("value");
        assertThat(returnTo).isEqualTo("/pyramid?discipline=sport&levels=6");
        Page saved = browser.post("/dashboard/routes", Map.of("routeKey", six.select("input[name=routeKey]").first().attr("value"),
                "cruxAngle", "slab", "cruxEnergy", "technical", "returnTo", returnTo));
        assertThat(saved.location()).isEqualTo(returnTo);
        assertThat(browser.get(returnTo).document().select("details.route summary").first().text()).contains("slab · technical");

        Document typo = browser.get("/pyramid?window=range&from=2023-13-45&levels=lots").document();
        assertThat(typo.select(".flash.error").text()).contains("'2023-13-45' is not a date");
        assertThat(typo.select("#pyramid-table tbody tr")).hasSize(4);

        Document boulder = browser.get("/pyramid?discipline=boulder").document();
        assertThat(boulder.select("h1").text()).isEqualTo("Boulder pyramid");
        assertThat(boulder.text()).contains("No boulder sends in this period yet.");
        assertThat(boulder.select("a[href=/logbook/import]")).isNotEmpty();
    }

    @Test
    void theDashboardListsTenRoutesPerLevelAndLinksToThePyramidPageForTheRest() {
        Climber climber = new Climbers(http).verified("dash-many");
        for (int i = 1; i <= 13; i++) {
            tick(climber, "Crack " + i, "2024-05-" + String.format("%02d", i), "5.10a", "redpoint");
        }
        Browser browser = signedIn(climber);

        Document dashboard = browser.get("/dashboard").document();
        org.jsoup.nodes.Element level = dashboard.select("#pyramid-table tbody tr").first();
        assertThat(level.select("th").text()).isEqualTo("5.10a");
        assertThat(level.select("td").get(0).text()).isEqualTo("13");
        assertThat(level.select("details.route")).hasSize(10);
        assertThat(level.select(".more-routes a").text()).isEqualTo("3 more at 5.10a");
        assertThat(level.select(".more-routes a").attr("href")).isEqualTo("/pyramid?discipline=sport#pyramid-table");

        Document pyramid = browser.get("/pyramid?discipline=sport").document();
        assertThat(pyramid.select("#pyramid-table tbody tr").first().select("details.route")).hasSize(13);
        assertThat(pyramid.select(".more-routes")).isEmpty();
    }

    private Browser signedIn(Climber climber) {
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        return browser;
    }

    private void tick(Climber climber, String route, String date, String grade, String style) {
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", route, "date", date, "grade", grade, "discipline", "sport", "style", style,
                        "location", "Nevada > Red Rocks"))
                .exchange().expectStatus().isCreated();
    }
}
