package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Browser.Page;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #16: an edit changes only what the climber changed. The known answers are the row of
 * "50-50" in the shared export ticks-small-4.csv, as the file has them: its Mountain Project
 * link, 1.6 average stars, style "TR", route type "Trad", length 150, rating code 1500.
 */
@CruxlogIntegrationTest
class TickEditsKeepSourceFieldsTest {

    private static final String SOURCE_COLUMNS = "route_url, route_stars::text AS route_stars, user_stars::text AS user_stars, "
            + "source, source_key, content_hash, source_style, source_lead_style, source_route_type, "
            + "source_rating_code::text AS source_rating_code, import_id::text AS import_id";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void editingAnImportedTickThroughTheApiAndThePageKeepsEverythingTheFormDoesNotShow() {
        Climber climber = new Climbers(http).verified("edit-keeps");
        new LogbookImports(http).upload(climber, SharedExports.bytes("mountain-project/ticks-small-4.csv"), "ticks.csv", null);
        UUID id = db.sql("SELECT t.id FROM logbook.tick t JOIN identity.account a ON a.id = t.owner_id "
                        + "WHERE a.username = :name AND t.route = '50-50'")
                .bind("name", climber.username()).map(row -> row.get("id", UUID.class)).one().block(Duration.ofSeconds(5));
        Map<String, Object> imported = sourceFields(id);
        assertThat(imported).containsEntry("route_url", "https://www.mountainproject.com/route/106562228/50-50")
                .containsEntry("route_stars", "1.60").containsEntry("source_style", "TR")
                .containsEntry("source_route_type", "Trad").containsEntry("source_rating_code", "1500");

        // The API's partial edit: only the notes.
        http.patch().uri("/api/v1/logbook/ticks/" + id).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("notes", "Back in the shade after lunch"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.notes").isEqualTo("Back in the shade after lunch")
                .jsonPath("$.routeUrl").isEqualTo("https://www.mountainproject.com/route/106562228/50-50");
        assertThat(sourceFields(id)).isEqualTo(imported);

        // The page's edit form, sent back with the route renamed and everything else as shown.
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        Page form = browser.get("/logbook/ticks/" + id + "/edit");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.document().select("form[action^='/logbook/ticks/" + id + "?back='] [name]")) {
            String value = input.tagName().equals("select")
                    ? input.select("option[selected]").attr("value")
                    : input.tagName().equals("textarea") ? input.text() : input.attr("value");
            fields.put(input.attr("name"), value);
        }
        fields.remove("_csrf");
        fields.put("route", "50-50 (direct finish)");
        assertThat(browser.post("/logbook/ticks/" + id, fields).status().value()).isEqualTo(303);

        assertThat(db.sql("SELECT route, notes FROM logbook.tick WHERE id = :id").bind("id", id)
                .map(row -> row.get("route", String.class) + " | " + row.get("notes", String.class)).one().block(Duration.ofSeconds(5)))
                .isEqualTo("50-50 (direct finish) | Back in the shade after lunch");
        assertThat(sourceFields(id)).isEqualTo(imported);

        assertThat(gradeIndex(id)).as("what the import read from the grade, kept while the grade text is").isEqualTo(50);

        // A new grade: read from its text, and the rating code, which named the old one, goes.
        http.patch().uri("/api/v1/logbook/ticks/" + id).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("grade", "5.6"))
                .exchange().expectStatus().isOk();
        assertThat(gradeIndex(id)).isEqualTo(60);
        Map<String, Object> regraded = new LinkedHashMap<>(imported);
        regraded.put("source_rating_code", null);
        assertThat(sourceFields(id)).isEqualTo(regraded);

        // And the export still carries them (its own losses, the rating code and route type, are
        // issue #16's export point, not an edit's).
        String export = http.get().uri("/api/v1/logbook/export").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String row = export.lines().filter(line -> line.contains("50-50 (direct finish)")).findFirst().orElseThrow();
        assertThat(row).contains("\"https://www.mountainproject.com/route/106562228/50-50\"").contains("\"1.60\"");
    }

    private Integer gradeIndex(UUID id) {
        return db.sql("SELECT grade_index FROM logbook.tick WHERE id = :id").bind("id", id)
                .map(row -> row.get("grade_index", Integer.class)).one().block(Duration.ofSeconds(5));
    }

    private Map<String, Object> sourceFields(UUID id) {
        return db.sql("SELECT " + SOURCE_COLUMNS + " FROM logbook.tick WHERE id = :id").bind("id", id)
                .fetch().one().map(row -> (Map<String, Object>) new LinkedHashMap<>(row)).block(Duration.ofSeconds(5));
    }
}
