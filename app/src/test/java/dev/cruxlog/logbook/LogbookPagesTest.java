package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Browser.Page;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.SharedExports;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The logbook pages as a browser without scripts uses them: every form works. */
@CruxlogIntegrationTest
class LogbookPagesTest {

    @Autowired
    WebTestClient http;

    Browser browser;
    Climber climber;

    @BeforeEach
    void signIn() {
        climber = new Climbers(http).verified("pages");
        browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
    }

    @Test
    void anEmptyLogbookTellsANewClimberHowToImport() {
        Document page = browser.get("/logbook").document();
        assertThat(page.select(".empty-state h2").text()).isEqualTo("Your logbook is empty");
        assertThat(page.select(".empty-state a[href=/logbook/import]")).hasSize(1);
    }

    @Test
    void uploadFollowTheImportThenBrowseFilterAndEdit() {
        Document connect = browser.get("/logbook/import").document();
        assertThat(connect.select("form#upload-form[enctype=multipart/form-data]")).hasSize(1);
        String csrf = connect.select("#upload-form input[name=_csrf]").attr("value");

        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(SharedExports.bytes("mountain-project/ticks-small-4.csv")) {
            @Override
            public String getFilename() {
                return "ticks.csv";
            }
        });
        body.part("_csrf", csrf);
        EntityExchangeResult<String> posted = http.post().uri("/logbook/import").accept(MediaType.TEXT_HTML)
                .cookies(jar -> browser.cookies().forEach(jar::add))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isSeeOther().expectBody(String.class).returnResult();
        String statusPage = posted.getResponseHeaders().getLocation().toString();
        assertThat(statusPage).startsWith("/logbook/imports/");

        Document finished = Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> browser.get(statusPage).document())
                .filter(doc -> doc.select("h1").text().contains("succeeded"))
                .blockFirst(Duration.ofSeconds(60));
        assertThat(finished.select("#progress-label").text()).contains("4 ticks added");
        assertThat(finished.select("progress").attr("value")).isEqualTo("100");

        Document logbook = browser.get("/logbook").document();
        assertThat(logbook.select("#ticks tbody tr")).hasSize(4);
        assertThat(browser.get("/logbook?discipline=boulder").document().select("#ticks tbody tr")).hasSize(1);
        assertThat(browser.get("/logbook?minGrade=5.9").document().select("#ticks tbody tr td:nth-child(2)").text())
                .contains("Directissima").doesNotContain("High Exposure");

        String edit = logbook.select("#ticks a:contains(Edit)").first().attr("href");
        Document form = browser.get(edit).document();
        Page saved = browser.post(edit.replace("/edit", ""), Map.of("route", form.select("#route").attr("value"),
                "date", form.select("#date").attr("value"), "grade", "5.12a", "discipline", "sport", "style", "redpoint",
                "pitches", "1", "length", "", "location", "New York > The Gunks", "notes", "edited"));
        assertThat(saved.location()).isEqualTo("/logbook?done=saved");
        assertThat(browser.get("/logbook").document().select("#ticks").text()).contains("5.12a");

        Page invalid = browser.post(edit.replace("/edit", ""), Map.of("route", "X", "date", "2024-01-01", "grade",
                "not a grade", "discipline", "sport", "style", "redpoint", "pitches", "1"));
        assertThat(invalid.status().value()).isEqualTo(422);
        assertThat(invalid.document().select("#grade-error").text()).contains("not a grade");
        assertThat(invalid.document().select("[aria-invalid=true]").eachAttr("id")).containsExactly("grade");
        assertThat(invalid.document().select("#grade").attr("aria-describedby")).isEqualTo("grade-hint grade-error");
    }

    @Test
    void anEditReturnsToTheListAsItWasAndADeleteCanBeUndoneFromIt() {
        for (String route : List.of("Alpha Arete", "Beta Buttress", "Gamma Groove")) {
            http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("route", route, "date", "2024-05-01", "grade", "5.10a", "discipline", "sport",
                            "style", "redpoint"))
                    .exchange().expectStatus().isCreated();
        }
        Document filtered = browser.get("/logbook?q=Beta&sort=grade").document();
        String edit = filtered.select("#ticks a:contains(Edit)").first().attr("href");
        assertThat(edit).endsWith("/edit?back=%2Flogbook%3Fq%3DBeta%26sort%3Dgrade");

        Document form = browser.get(edit).document();
        assertThat(form.select("a:contains(Cancel)").attr("href")).isEqualTo("/logbook?q=Beta&sort=grade");
        String action = form.select("form[action^=/logbook/ticks/]").first().attr("action");
        Page saved = browser.post(action, Map.of("route", "Beta Buttress", "date", "2024-05-01", "grade", "5.10b",
                "discipline", "sport", "style", "redpoint", "pitches", "1"));
        assertThat(saved.location()).isEqualTo("/logbook?q=Beta&sort=grade&done=saved");
        Document back = browser.get(saved.location()).document();
        assertThat(back.select("#done-message").text()).startsWith("Tick saved.");
        assertThat(back.select("#q").attr("value")).isEqualTo("Beta");

        String delete = browser.get(edit).document().select("form.delete-form").attr("action");
        Page deleted = browser.post(delete, Map.of());
        assertThat(deleted.location()).startsWith("/logbook?q=Beta&sort=grade&done=deleted&undo=");
        Document afterDelete = browser.get(deleted.location()).document();
        assertThat(afterDelete.select("#ticks tbody tr")).isEmpty();
        assertThat(afterDelete.select("#done-message").text()).contains("Tick deleted.");
        Page undone = browser.post(afterDelete.select("#done-message form").attr("action"), Map.of());
        assertThat(undone.location()).isEqualTo("/logbook?q=Beta&sort=grade&done=restored");
        Document restored = browser.get(undone.location()).document();
        assertThat(restored.select("#ticks tbody tr td.route-cell").eachText()).containsExactly("Beta Buttress");
        assertThat(restored.select("#done-message").text()).isEqualTo("Tick brought back.");

        // A hand-made "back" never leads off the list.
        String id = edit.substring("/logbook/ticks/".length(), edit.indexOf("/edit"));
        Page offsite = browser.post("/logbook/ticks/" + id + "?back=https://evil.example/logbook", Map.of("route", "Beta Buttress",
                "date", "2024-05-01", "grade", "5.10b", "discipline", "sport", "style", "redpoint", "pitches", "1"));
        assertThat(offsite.location()).isEqualTo("/logbook?done=saved");
        assertThat(browser.get("/logbook/ticks/" + id + "/edit?back=//evil.example").document()
                .select("a:contains(Cancel)").attr("href")).isEqualTo("/logbook");
    }

    @Test
    void aPngUploadedThroughThePageGetsAHelpfulMessage() {
        String csrf = browser.get("/logbook/import").document().select("#upload-form input[name=_csrf]").attr("value");
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}) {
            @Override
            public String getFilename() {
                return "photo.csv";
            }
        });
        body.part("_csrf", csrf);
        String html = http.post().uri("/logbook/import").accept(MediaType.TEXT_HTML)
                .cookies(jar -> browser.cookies().forEach(jar::add))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        assertThat(Jsoup.parse(html).select(".flash.error").text()).contains("PNG image");
    }

    @Test
    void theConnectPageOffersEverySourceWithAHowToAndTheEightAFormNamesBadProfiles() {
        Document connect = browser.get("/logbook/import").document();
        for (String source : List.of("mountain-project", "eight-a", "thecrag", "ukc", "27crags", "sendage")) {
            assertThat(connect.select("details#howto-" + source + " summary").text()).as(source).isNotBlank();
            assertThat(connect.select("details#howto-" + source + " p").text()).as(source).hasSizeGreaterThan(30);
        }
        assertThat(connect.select("#file").attr("accept")).contains(".csv").contains(".json").contains(".xlsx");
        assertThat(connect.select("form[action=/logbook/import/eight-a] label[for=profileSlug]").text()).contains("8a.nu");
        assertThat(connect.select("input[type=password]")).as("never an 8a.nu password").isEmpty();
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(Map.of("eightAProfileSlug", "alex-megos"))
                .exchange().expectStatus().isOk();
        assertThat(browser.get("/logbook/import").document().select("#profileSlug").attr("value"))
                .as("the saved profile fills the form").isEqualTo("alex-megos");

        Page refused = browser.post("/logbook/import/eight-a", Map.of("profileSlug", "not a profile!"));
        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.document().select(".flash.error").text()).contains("not an 8a.nu profile");
    }

    @Test
    void gradesAndLengthsFollowTheClimbersSettings() {
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("preferredGradeSystems", Map.of("route", "french"), "lengthUnit", "m"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.lengthUnit").isEqualTo("m");
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Units Arete", "date", "2024-05-01", "grade", "5.10a", "discipline", "sport",
                        "style", "redpoint", "lengthFt", 100))
                .exchange().expectStatus().isCreated();

        Document logbook = browser.get("/logbook?q=Units").document();
        assertThat(logbook.select("#ticks tbody tr td").eachText()).contains("5.10a (6a)", "30 m");
        Document form = browser.get(logbook.select("#ticks a[href*=/edit]").attr("href")).document();
        assertThat(form.select("label[for=length]").text()).isEqualTo("Length (m)");
        assertThat(form.select("#length").attr("value")).isEqualTo("30");

        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(Map.of("lengthUnit", "yards"))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void ticksWhoseDisciplineNeedsTheClimbersWordAreListedAndConfirmedBySaving() {
        new dev.cruxlog.support.LogbookImports(http).upload(climber,
                dev.cruxlog.support.SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"), "ticks.csv", null);
        Document flagged = browser.get("/logbook?toConfirm=true").document();
        assertThat(flagged.select("input[name=toConfirm]").hasAttr("checked")).isTrue();
        int before = flagged.select("#ticks tbody tr").size();
        assertThat(before).isPositive();
        assertThat(flagged.select("#ticks tbody tr a.badge")).hasSize(before);

        Document form = browser.get(flagged.select("#ticks tbody tr a.badge").first().attr("href")).document();
        assertThat(form.select("#discipline-hint").text()).contains("several route types").contains("Saving confirms it");
        assertThat(form.select("#discipline").attr("aria-describedby")).isEqualTo("discipline-hint");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        form.select("form[action^=/logbook/ticks/] input[name], form[action^=/logbook/ticks/] textarea[name]")
                .forEach(input -> fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.attr("value")));
        form.select("form[action^=/logbook/ticks/] select[name]")
                .forEach(select -> fields.put(select.attr("name"), select.select("option[selected]").attr("value")));
        fields.remove("_csrf");
        browser.post(form.select("form[action^=/logbook/ticks/]").attr("action"), fields);

        assertThat(browser.get("/logbook?toConfirm=true").document().select("#ticks tbody tr")).hasSize(before - 1);
        assertThat(browser.get("/logbook/ticks/new").document().select("#discipline-hint")).isEmpty();
    }
}
