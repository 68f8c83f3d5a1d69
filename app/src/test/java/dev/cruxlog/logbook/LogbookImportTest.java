package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Mountain Project exports from ../shared/data through the whole pipeline: upload, job,
 * classification, bulk write, and the ticks API. Expected figures are computed here,
 * independently, from the files themselves.
 */
@CruxlogIntegrationTest
class LogbookImportTest {

    @Autowired
    WebTestClient http;

    Climbers climbers;

    @BeforeEach
    void setUp() {
        climbers = new Climbers(http);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Import(String id, String source, String status, int rowsRead, int ticksAdded, int ticksUpdated,
                  int ticksUnchanged, int ticksSkipped, List<Map<String, Object>> warnings, String error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tick(String id, String date, String route, String grade, Integer gradeIndex, String discipline, boolean send,
                String style, int pitches, String location, String source, String notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Tick> items, String nextCursor) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ticks-sport-trad-567.csv, 567", "ticks-boulder-267.csv, 267", "ticks-excel-mangled-741.csv, 741",
            "ticks-small-4.csv, 4"})
    void everyMountainProjectExportImportsCompletelyAndReImportsAsNoOp(String file, int rows) {
        Climber climber = climbers.verified("importer");
        byte[] export = SharedExports.bytes("mountain-project/" + file);
        assertThat(SharedExports.rows(export)).hasSize(rows);

        Import first = awaitFinished(climber, upload(climber, export, file, null));
        assertThat(first.status()).isEqualTo("succeeded");
        assertThat(first.source()).isEqualTo("mountain-project");
        assertThat(first.rowsRead()).isEqualTo(rows);
        assertThat(first.ticksAdded() + first.ticksSkipped()).isEqualTo(rows);
        assertThat(allTicks(climber)).hasSize(first.ticksAdded());

        Import again = awaitFinished(climber, upload(climber, export, file, "mountain-project"));
        assertThat(again.status()).isEqualTo("succeeded");
        assertThat(again.ticksAdded()).isZero();
        assertThat(again.ticksUpdated()).isZero();
        assertThat(again.ticksUnchanged()).isEqualTo(first.ticksAdded());
        assertThat(allTicks(climber)).hasSize(first.ticksAdded());
    }

    @Test
    void theHardestSportSendAndTheBoulderCountMatchTheFiles() {
        Climber climber = climbers.verified("facts");
        byte[] sportTrad = SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv");
        awaitFinished(climber, upload(climber, sportTrad, "ticks.csv", null));
        Map<String, String> hardest = SharedExports.rows(sportTrad).stream()
                .filter(r -> Set.of("Sport", "Sport, TR").contains(r.get("Route Type")) && "Lead".equals(r.get("Style"))
                        && Set.of("Onsight", "Flash", "Redpoint", "Pinkpoint", "").contains(r.get("Lead Style")))
                .max(Comparator.comparingInt(r -> Integer.parseInt(r.get("Rating Code"))))
                .orElseThrow();
        List<Tick> sportSends = pages(climber, "discipline=sport&send=true");
        Tick best = sportSends.stream().max(Comparator.comparingInt(Tick::gradeIndex)).orElseThrow();
        assertThat(best.grade()).isEqualTo(hardest.get("Rating"));
        assertThat(sportSends.stream().filter(t -> t.gradeIndex().equals(best.gradeIndex())).map(Tick::route))
                .contains(hardest.get("Route"));

        Climber boulderer = climbers.verified("boulderer");
        byte[] boulders = SharedExports.bytes("mountain-project/ticks-boulder-267.csv");
        awaitFinished(boulderer, upload(boulderer, boulders, "ticks.csv", null));
        long expected = SharedExports.rows(boulders).stream().filter(r -> "Boulder".equals(r.get("Route Type"))).count();
        assertThat(pages(boulderer, "discipline=boulder")).hasSize((int) expected);
    }

    @Test
    void aClimbListedAsTradAndSportIsKeptFlaggedUntilTheClimberSavesIt() {
        Climber climber = climbers.verified("to-confirm");
        byte[] export = SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv");
        awaitFinished(climber, upload(climber, export, "ticks.csv", null));
        // Climbs whose route is both trad and sport: the row alone cannot say which it was. A top
        // rope keeps the route's discipline (issue #16), so it is asked about as a lead is.
        List<String> ambiguous = SharedExports.rows(export).stream()
                .filter(r -> r.get("Route Type").contains("Trad") && r.get("Route Type").contains("Sport"))
                .map(r -> r.get("Route")).sorted().toList();
        assertThat(ambiguous).isNotEmpty();

        List<Tick> flagged = pages(climber, "toConfirm=true");
        assertThat(flagged).extracting(Tick::route).containsExactlyInAnyOrderElementsOf(ambiguous);
        assertThat(flagged).allSatisfy(t -> assertThat(t.discipline()).isIn("trad", "sport"));

        Tick first = flagged.get(0);
        http.patch().uri("/api/v1/logbook/ticks/" + first.id()).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("discipline", "sport")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.disciplineConfirmed").isEqualTo(true);
        assertThat(pages(climber, "toConfirm=true")).extracting(Tick::route)
                .containsExactlyInAnyOrderElementsOf(ambiguous.stream().filter(route -> !route.equals(first.route())).toList());
    }

    @Test
    void mangledGradesAreRepairedWithAWarningNamingTheRow() {
        Climber climber = climbers.verified("mangled");
        Import done = awaitFinished(climber, upload(climber, SharedExports.bytes("mountain-project/ticks-excel-mangled-741.csv"),
                "ticks.csv", null));
        assertThat(done.warnings()).anySatisfy(w -> assertThat(w.get("message").toString()).contains("'5.1' read as 5.10"));
        assertThat(pages(climber, "q=hand")).extracting(Tick::route).contains("5.8 Hand Jams");
    }

    @Test
    void badFilesAreRefusedAndTheLogbookIsUnchanged() {
        Climber climber = climbers.verified("bad-files");
        byte[] good = SharedExports.bytes("mountain-project/ticks-small-4.csv");
        // ASVS 5.4.1: the name is kept as a label only, without folders or a right-to-left override.
        Map<?, ?> first = uploadSpec(climber, good, "C:\\exports\\my\u202Eticks.csv", null).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("fileName")).isEqualTo("myticks.csv");
        awaitFinished(climber, (String) first.get("id"));
        int before = allTicks(climber).size();

        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        uploadSpec(climber, png, "ticks.csv", null).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("PNG image"));

        byte[] tooBig = new byte[30 * 1024 * 1024];
        System.arraycopy(good, 0, tooBig, 0, good.length);
        uploadSpec(climber, tooBig, "ticks.csv", null).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        String text = new String(SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"), StandardCharsets.UTF_8);
        byte[] unclosedQuote = (text.substring(0, text.indexOf('\n', 2000)) + "\n2024-01-01,\"Never closed,5.9,").getBytes(StandardCharsets.UTF_8);
        Import unclosed = awaitFinished(climber, upload(climber, unclosedQuote, "ticks.csv", null));
        assertThat(unclosed.status()).isEqualTo("failed");
        assertThat(unclosed.error()).contains("unclosed quote");

        // Cut twenty characters into a row after the middle: date, route and a grade that reads well.
        int rowStart = text.indexOf('\n', text.length() / 2) + 1;
        byte[] truncated = text.substring(0, rowStart + 20).getBytes(StandardCharsets.UTF_8);
        Import half = awaitFinished(climber, upload(climber, truncated, "ticks.csv", null));
        assertThat(half.status()).isEqualTo("failed");
        assertThat(half.error()).contains("cut off").contains("line ");
        assertThat(half.ticksAdded()).isZero();

        // Issue #16: the shared export with a stray quote in a row's notes, which swallows the next
        // row, date and all, up to a quote further on: refused naming the row, nothing imported.
        int third = text.indexOf('\n', text.indexOf('\n', text.length() / 3) + 1) + 1;
        String line = text.substring(third, text.indexOf('\n', third));
        String strayQuote = text.substring(0, third) + line.substring(0, line.indexOf(",") + 1) + "\"" + text.substring(
                third + line.indexOf(",") + 1);
        Import runOn = awaitFinished(climber, upload(climber, strayQuote.getBytes(StandardCharsets.UTF_8), "ticks.csv", null));
        assertThat(runOn.status()).isEqualTo("failed");
        assertThat(runOn.error()).containsIgnoringCase("line");
        assertThat(runOn.ticksAdded()).isZero();
        assertThat(allTicks(climber)).hasSize(before);

        uploadSpec(climber, SharedExports.bytes("other-logbooks/thecrag-export.csv"), "thecrag.csv", "mountain-project")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("theCrag"));

        uploadSpec(climber, "Name,Grade\nfoo,5.9\n".getBytes(StandardCharsets.UTF_8), "x.csv", null)
                .expectStatus().isEqualTo(422);

        // ASVS 5.2.2: a name that says one thing over content that is another is refused.
        uploadSpec(climber, SharedExports.bytes("eight-a/ascents-boulder-160.json"), "ascents.csv", null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d)
                        .contains("named ascents.csv").contains("8a.nu").contains(".json"));
        uploadSpec(climber, good, "ticks.exe", null).expectStatus().isEqualTo(422);

        assertThat(allTicks(climber)).hasSize(before);
    }

    @Test
    void tooManyRowsOrAnOverlongFieldFailTheImportNamingTheLimitAndChangeNothing() {
        Climber climber = climbers.verified("limits");
        awaitFinished(climber, upload(climber, SharedExports.bytes("mountain-project/ticks-small-4.csv"), "ticks.csv", null));
        int before = allTicks(climber).size();
        String header = "Date,Route,Rating,Notes,URL,Pitches,Location,Avg Stars,Your Stars,Style,Lead Style,Route Type,"
                + "Your Rating,Length,Rating Code\n";

        StringBuilder many = new StringBuilder(header);
        for (int row = 0; row <= 100_000; row++) {
            many.append("2024-01-01,Lap ").append(row).append(",5.9,,,1,Nevada > Red Rocks,,,Lead,Redpoint,Sport,,,2400\n");
        }
        byte[] manyRows = many.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(manyRows.length).as("under the size limit, so the row limit is what trips").isLessThan(20 * 1024 * 1024);
        Import tooMany = awaitFinished(climber, upload(climber, manyRows, "ticks.csv", null));
        assertThat(tooMany.status()).isEqualTo("failed");
        assertThat(tooMany.error()).contains("more than 100000 rows");

        String novel = "x".repeat(20_001);
        byte[] longField = (header + "2024-01-01,Fine,5.9,,,1,Nevada > Red Rocks,,,Lead,Redpoint,Sport,,,2400\n"
                + "2024-01-02,Chatty,5.9,\"" + novel + "\",,1,Nevada > Red Rocks,,,Lead,Redpoint,Sport,,,2400\n")
                .getBytes(StandardCharsets.UTF_8);
        Import overlong = awaitFinished(climber, upload(climber, longField, "ticks.csv", null));
        assertThat(overlong.status()).isEqualTo("failed");
        assertThat(overlong.error()).contains("Line 3").contains("Notes").contains("20000 characters");

        assertThat(allTicks(climber)).hasSize(before);
    }

    @Test
    void anotherClimbersTicksAndImportsAreInvisibleAndUntouchable() {
        Climber owner = climbers.verified("owner");
        Climber other = climbers.verified("other");
        Import done = awaitFinished(owner, upload(owner, SharedExports.bytes("mountain-project/ticks-small-4.csv"), "t.csv", null));
        Tick tick = allTicks(owner).get(0);

        assertThat(allTicks(other)).isEmpty();
        http.get().uri("/api/v1/logbook/ticks/" + tick.id()).header("Authorization", other.bearer()).exchange()
                .expectStatus().isNotFound();
        http.patch().uri("/api/v1/logbook/ticks/" + tick.id()).header("Authorization", other.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("route", "Stolen")).exchange()
                .expectStatus().isNotFound();
        http.delete().uri("/api/v1/logbook/ticks/" + tick.id()).header("Authorization", other.bearer()).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/logbook/imports/" + done.id()).header("Authorization", other.bearer()).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/logbook/imports").header("Authorization", other.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        String export = http.get().uri("/api/v1/logbook/export?format=csv").header("Authorization", other.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(export).doesNotContain(tick.route());
        http.get().uri("/api/v1/logbook/ticks/" + tick.id()).header("Authorization", owner.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.route").isEqualTo(tick.route());
    }

    @Test
    void handEnteredTicksAreEditableAndNeverTouchedByImports() {
        Climber climber = climbers.verified("by-hand");
        String id = http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Biographie", "date", "2024-07-14", "grade", "9a+", "discipline", "sport",
                        "style", "redpoint", "location", "France > Céüse", "notes", "<script>alert(1)</script>finally"))
                .exchange().expectStatus().isCreated()
                .expectBody(Tick.class).returnResult().getResponseBody().id();
        http.patch().uri("/api/v1/logbook/ticks/" + id).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("style", "attempt")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.send").isEqualTo(false).jsonPath("$.grade").isEqualTo("9a+")
                .jsonPath("$.notes").isEqualTo("finally");
        awaitFinished(climber, upload(climber, SharedExports.bytes("mountain-project/ticks-small-4.csv"), "t.csv", null));
        List<Tick> ticks = allTicks(climber);
        assertThat(ticks).hasSize(5);
        assertThat(ticks).filteredOn(t -> t.source().equals("manual")).singleElement()
                .satisfies(t -> assertThat(t.style()).isEqualTo("attempt"));
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "X", "date", "2024-07-14", "grade", "banana", "discipline", "sport", "style", "redpoint"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("grade");
    }

    @Test
    void exportingAndImportingIntoAFreshAccountGivesTheSameLogbook() {
        Climber climber = climbers.verified("exporter");
        awaitFinished(climber, upload(climber, SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"), "t.csv", null));
        byte[] export = http.get().uri("/api/v1/logbook/export?format=csv").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class).returnResult().getResponseBody();

        Climber fresh = climbers.verified("fresh");
        Import reimport = awaitFinished(fresh, upload(fresh, export, "cruxlog-ticks.csv", null));
        assertThat(reimport.status()).isEqualTo("succeeded");
        assertThat(summary(allTicks(fresh))).isEqualTo(summary(allTicks(climber)));
    }

    private static List<String> summary(List<Tick> ticks) {
        return ticks.stream().map(t -> t.date() + "|" + t.route() + "|" + t.grade() + "|" + t.discipline() + "|" + t.style()
                + "|" + t.send() + "|" + t.pitches() + "|" + t.location()).sorted().collect(Collectors.toList());
    }

    private String upload(Climber climber, byte[] content, String fileName, String source) {
        return uploadSpec(climber, content, fileName, source).expectStatus().isAccepted()
                .expectBody(Import.class).returnResult().getResponseBody().id();
    }

    private WebTestClient.ResponseSpec uploadSpec(Climber climber, byte[] content, String fileName, String source) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        if (source != null) {
            body.part("source", source);
        }
        return http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private Import awaitFinished(Climber climber, String id) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> http.get().uri("/api/v1/logbook/imports/" + id).header("Authorization", climber.bearer())
                        .exchange().expectStatus().isOk().expectBody(Import.class).returnResult().getResponseBody())
                .filter(found -> found.status().equals("succeeded") || found.status().equals("failed"))
                .blockFirst(Duration.ofSeconds(60));
    }

    private List<Tick> allTicks(Climber climber) {
        return pages(climber, "");
    }

    private List<Tick> pages(Climber climber, String query) {
        List<Tick> all = new ArrayList<>();
        String cursor = null;
        do {
            String uri = "/api/v1/logbook/ticks?limit=200" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Page page = http.get().uri(uri).header("Authorization", climber.bearer()).exchange()
                    .expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
