package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every file in ../shared/data/eight-a and ../shared/data/other-logbooks through the whole
 * pipeline (upload, detection, job, translation, bulk write, ticks API). Row counts and facts
 * are read here from the files themselves, independently of the importer.
 */
@CruxlogIntegrationTest
class OtherLogbooksImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    Climbers climbers;
    LogbookImports imports;

    @BeforeEach
    void setUp() {
        climbers = new Climbers(http);
        imports = new LogbookImports(http);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"eight-a/ascents-boulder-178.json, eight-a-json", "eight-a/ascents-boulder-160.json, eight-a-json",
            "other-logbooks/8a-csv-export-9.csv, eight-a-csv", "other-logbooks/thecrag-export.csv, thecrag",
            "other-logbooks/ukc-logbook-export.csv, ukc", "other-logbooks/ukc-logbook-export.xlsx, ukc",
            "other-logbooks/27crags-export.json, 27crags", "other-logbooks/sendage-export.csv, sendage"})
    void everyFileImportsEveryRowAndReImportsAsNoOp(String file, String source) {
        byte[] content = SharedExports.bytes(file);
        int rows = rowsInFile(file, content);
        int undated = file.contains("sendage") ? undatedSendageRows(content) : 0;
        Climber climber = climbers.verified("sources");

        Map<String, Object> first = imports.upload(climber, content, file.substring(file.lastIndexOf('/') + 1), null);
        assertThat(first.get("status")).as("%s", first).isEqualTo("succeeded");
        assertThat(first.get("source")).isEqualTo(source);
        assertThat(first.get("rowsRead")).isEqualTo(rows);
        assertThat(first.get("ticksSkipped")).isEqualTo(undated);
        assertThat(first.get("ticksAdded")).isEqualTo(rows - undated);
        assertThat(imports.ticks(climber)).hasSize(rows - undated)
                .allSatisfy(tick -> assertThat(tick.get("source")).isEqualTo(source));

        Map<String, Object> again = imports.upload(climber, content, "again", source);
        assertThat(again.get("ticksAdded")).isEqualTo(0);
        assertThat(again.get("ticksUpdated")).isEqualTo(0);
        assertThat(again.get("ticksUnchanged")).isEqualTo(rows - undated);
        assertThat(imports.ticks(climber)).hasSize(rows - undated);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"eight-a/ascents-boulder-178.json", "eight-a/ascents-boulder-160.json"})
    void eightAStylesGradesAndDisciplinesMatchTheAscentJson(String file) {
        JsonNode ascents = JSON.readTree(SharedExports.bytes(file)).path("ascents");
        List<JsonNode> list = new ArrayList<>();
        ascents.forEach(list::add);
        Map<String, Long> types = list.stream().collect(Collectors.groupingBy(a -> a.path("type").asString(), Collectors.counting()));
        List<String> fontOrder = List.of("4A", "4B", "4C", "5A", "5B", "5C", "6A", "6A+", "6B", "6B+", "6C", "6C+", "7A",
                "7A+", "7B", "7B+", "7C", "7C+", "8A", "8A+");
        String hardestInFile = list.stream().map(a -> a.path("difficulty").asString())
                .max(Comparator.comparingInt(fontOrder::indexOf)).orElseThrow();
        Climber climber = climbers.verified("eight-a-facts");

        imports.upload(climber, SharedExports.bytes(file), "ascents.json", "eight-a-json");
        List<Map<String, Object>> ticks = imports.ticks(climber);
        Map<Object, Long> styles = ticks.stream().collect(Collectors.groupingBy(t -> t.get("style"), Collectors.counting()));

        assertThat(styles.getOrDefault("flash", 0L)).isEqualTo(types.getOrDefault("f", 0L) + types.getOrDefault("fl", 0L));
        assertThat(styles.getOrDefault("onsight", 0L)).isEqualTo(types.getOrDefault("os", 0L));
        assertThat(styles.getOrDefault("redpoint", 0L)).isEqualTo(types.getOrDefault("rp", 0L) + types.getOrDefault("go", 0L));
        assertThat(ticks).allSatisfy(tick -> {
            assertThat(tick.get("discipline")).isEqualTo("boulder");
            assertThat(tick.get("gradeSystem")).isEqualTo("font");
            assertThat(tick.get("gradeIndex")).isNotNull();
        });
        Map<String, Object> hardest = ticks.stream().max(Comparator.comparingInt(t -> (Integer) t.get("gradeIndex"))).orElseThrow();
        assertThat(hardest.get("grade")).isEqualTo(hardestInFile);
        JsonNode firstAscent = list.get(0);
        assertThat(ticks).anySatisfy(tick -> {
            assertThat(tick.get("route")).isEqualTo(firstAscent.path("zlaggableName").asString());
            assertThat(tick.get("date")).isEqualTo(firstAscent.path("date").asString().substring(0, 10));
            assertThat(tick.get("location").toString()).contains(firstAscent.path("areaName").asString());
        });
    }

    @Test
    void eightACsvKeepsRoutesTriesPlacesAndNotes() {
        byte[] file = SharedExports.bytes("other-logbooks/8a-csv-export-9.csv");
        List<Map<String, String>> rows = SharedExports.rows(file);
        Climber climber = climbers.verified("eight-a-csv");
        imports.upload(climber, file, "8a.csv", null);
        Map<String, Map<String, Object>> byRoute = byRoute(imports.ticks(climber));

        for (Map<String, String> row : rows) {
            Map<String, Object> tick = byRoute.get(row.get("Route/Boulder Name"));
            assertThat(tick).as(row.get("Route/Boulder Name")).isNotNull();
            assertThat(tick.get("grade")).isEqualTo(row.get("difficulty"));
            assertThat(tick.get("date")).isEqualTo(row.get("date").substring(0, 10));
            assertThat(tick.get("style")).isEqualTo(row.get("type").equals("os") ? "onsight" : "redpoint");
            assertThat(tick.get("discipline")).isEqualTo("sport");
            assertThat(tick.get("gradeSystem")).isEqualTo("french");
            assertThat(tick.get("location").toString()).contains(row.get("Crag Name"));
        }
        assertThat(byRoute.get("Memorias de una sepia").get("notes")).isEqualTo("I took the rest 🤪");
        assertThat(byRoute.get("Single Life").get("locationPath").toString()).contains("Yangshuo(阳朔)");
    }

    @Test
    void theCragGearStylesGradesHeightsAndLinksAreKept() {
        byte[] file = SharedExports.bytes("other-logbooks/thecrag-export.csv");
        Climber climber = climbers.verified("thecrag");
        imports.upload(climber, file, "thecrag.csv", "thecrag");
        Map<String, Map<String, Object>> byRoute = byRoute(imports.ticks(climber));

        for (Map<String, String> row : SharedExports.rows(file)) {
            Map<String, Object> tick = byRoute.get(row.get("Route Name"));
            assertThat(tick.get("discipline")).isEqualTo(row.get("Route Gear Style").toLowerCase());
            assertThat(tick.get("grade")).isEqualTo(row.get("Route Grade"));
            assertThat(tick.get("routeUrl")).isEqualTo(row.get("Route Link"));
            assertThat(tick.get("date")).isEqualTo(row.get("Ascent Date").substring(0, 10));
            assertThat(tick.get("send")).isEqualTo(true);
            int metres = Integer.parseInt(row.get("Route Height").replace("m", ""));
            assertThat(tick.get("lengthFt")).isEqualTo((int) Math.round(metres * 3.28084));
        }
        assertThat(byRoute.get("Double Cross").get("protection")).isEqualTo("PG13");
        assertThat(byRoute.get("Caveman Finish").get("gradeSystem")).isEqualTo("v");
    }

    @Test
    void ukcPartialDatesAreKeptWithAWarningAndTheExcelFileAddsItsStyles() {
        Climber climber = climbers.verified("ukc");
        Map<String, Object> csv = imports.upload(climber, SharedExports.bytes("other-logbooks/ukc-logbook-export.csv"), "ukc.csv", "ukc");
        Map<String, Map<String, Object>> byRoute = byRoute(imports.ticks(climber));
        assertThat(byRoute.get("Five Gallon Buckets").get("date")).isEqualTo("2023-05-31");
        assertThat(byRoute.get("The Outsiders").get("date")).isEqualTo("2023-04-01");
        assertThat(byRoute.get("Pioneer Route").get("date")).isEqualTo("2023-01-01");
        assertThat(byRoute.get("Pioneer Route").get("discipline")).isEqualTo("aid");
        assertThat(byRoute.get("Pioneer Route").get("pitches")).isEqualTo(4);
        assertThat(byRoute.get("Lion's Jaw").get("discipline")).isEqualTo("trad");
        assertThat(warnings(csv)).anySatisfy(w -> assertThat(w).contains("??/Apr/23").contains("2023-04-01"))
                .anySatisfy(w -> assertThat(w).contains("???/2023").contains("2023-01-01"));

        Map<String, Object> excel = imports.upload(climber, SharedExports.bytes("other-logbooks/ukc-logbook-export.xlsx"),
                "ukc.xlsx", "ukc");
        assertThat(excel.get("status")).isEqualTo("succeeded");
        assertThat(excel.get("ticksAdded")).as("the same four climbs").isEqualTo(0);
        byRoute = byRoute(imports.ticks(climber));
        assertThat(byRoute).hasSize(4);
        assertThat(byRoute.get("Five Gallon Buckets").get("style")).isEqualTo("onsight");
        assertThat(byRoute.get("Five Gallon Buckets").get("grade")).isEqualTo("5.8");
        assertThat(byRoute.get("Lion's Jaw").get("style")).isEqualTo("redpoint");
    }

    @Test
    void twentySevenCragsAndSendageExports() {
        Climber climber = climbers.verified("crags27");
        JsonNode ascents = JSON.readTree(SharedExports.bytes("other-logbooks/27crags-export.json")).path("climber").path("ascents");
        imports.upload(climber, SharedExports.bytes("other-logbooks/27crags-export.json"), "27crags.json", "27crags");
        List<Map<String, Object>> ticks = imports.ticks(climber);
        for (JsonNode ascent : ascents) {
            assertThat(ticks).anySatisfy(tick -> {
                assertThat(tick.get("route").toString()).contains(ascent.path("route_id").asString());
                assertThat(tick.get("grade")).isEqualTo(ascent.path("grade_opinion").asString());
                assertThat(tick.get("style")).isEqualTo(ascent.path("ascent_type").asString());
                assertThat(tick.get("gradeSystem")).isEqualTo("french");
            });
        }

        Climber sender = climbers.verified("sendage");
        Map<String, Object> sendage = imports.upload(sender, SharedExports.bytes("other-logbooks/sendage-export.csv"), "s.csv", null);
        assertThat(warnings(sendage)).anySatisfy(w -> assertThat(w).contains("no date"));
        Map<String, Object> deathChute = byRoute(imports.ticks(sender)).get("Death Chute");
        assertThat(deathChute.get("style")).isEqualTo("flash");
        assertThat(deathChute.get("discipline")).isEqualTo("boulder");
        assertThat(deathChute.get("grade")).isEqualTo("V4");
    }

    /**
     * A tick entered by hand is the climber's own word: an import of the same climb on the same
     * day is not linked to it as a duplicate, and it is not linked to the import's.
     */
    @Test
    void aHandEnteredClimbIsNeverLinkedAsADuplicateOfAnImportedOne() {
        Climber climber = climbers.verified("by-hand");
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Caveman Finish", "date", "2023-06-01", "grade", "V3", "discipline", "boulder",
                        "style", "flash"))
                .exchange().expectStatus().isCreated();
        imports.upload(climber, SharedExports.bytes("other-logbooks/thecrag-export.csv"), "thecrag.csv", null);

        List<Map<String, Object>> cavemen = imports.ticks(climber).stream()
                .filter(tick -> "Caveman Finish".equals(tick.get("route"))).toList();
        assertThat(cavemen).extracting(tick -> tick.get("source")).containsExactlyInAnyOrder("manual", "thecrag");
        assertThat(cavemen).allSatisfy(tick -> assertThat(tick.get("alsoLoggedIn")).as("linked to nothing")
                .isIn(null, List.of()));
    }

    @Test
    void aClimbLoggedInTwoSourcesIsShownOnceWithBothKeptAndOnlyItsOwnerSeesIt() {
        Climber climber = climbers.verified("two-sources");
        imports.upload(climber, SharedExports.bytes("other-logbooks/thecrag-export.csv"), "thecrag.csv", null);
        // The same Caveman Finish on the same day, as 8a.nu logs it (different case and spacing), and one climb theCrag lacks.
        String eightA = """
                {"ascents":[
                  {"ascentId":1,"date":"2023-06-01T00:00:00+00:00","difficulty":"6A","type":"f","category":1,
                   "zlaggableName":"Caveman  finish","cragName":"Hidden Valley","areaName":"Joshua Tree","countryName":"United States"},
                  {"ascentId":2,"date":"2023-06-02T00:00:00+00:00","difficulty":"6B","type":"rp","category":1,
                   "zlaggableName":"Stem Gem","cragName":"Hidden Valley","areaName":"Joshua Tree","countryName":"United States"}]}""";
        Map<String, Object> second = imports.upload(climber, eightA.getBytes(StandardCharsets.UTF_8), "8a.json", "eight-a-json");

        assertThat(second.get("ticksAdded")).isEqualTo(2);
        assertThat(warnings(second)).anySatisfy(w -> assertThat(w).contains("1 tick was already in your logbook"));
        List<Map<String, Object>> ticks = imports.ticks(climber);
        assertThat(ticks).hasSize(4);
        Map<String, Object> caveman = byRoute(ticks).get("Caveman Finish");
        assertThat(caveman.get("source")).isEqualTo("thecrag");
        assertThat(caveman.get("alsoLoggedIn")).isEqualTo(List.of("eight-a-json"));
        Map<String, Object> overview = http.get().uri("/api/v1/analytics/overview").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(overview.get("ticks")).as("the overview counts the climb once").isEqualTo(4);

        // Deleting the tick that was kept brings the other source's back: nothing was lost.
        http.delete().uri("/api/v1/logbook/ticks/" + caveman.get("id")).header("Authorization", climber.bearer())
                .exchange().expectStatus().is2xxSuccessful();
        assertThat(byRoute(imports.ticks(climber)).get("Caveman  finish")).containsEntry("source", "eight-a-json");

        Climber stranger = climbers.verified("stranger");
        assertThat(imports.ticks(stranger)).isEmpty();
    }

    private static Map<String, Map<String, Object>> byRoute(List<Map<String, Object>> ticks) {
        return ticks.stream().collect(Collectors.toMap(t -> t.get("route").toString(), Function.identity()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> warnings(Map<String, Object> imported) {
        return ((List<Map<String, Object>>) imported.get("warnings")).stream().map(w -> String.valueOf(w.get("message"))).toList();
    }

    /** Rows as the file holds them, counted without the importer. */
    private static int rowsInFile(String file, byte[] content) {
        if (file.endsWith(".json")) {
            JsonNode root = JSON.readTree(content);
            return (root.has("climber") ? root.path("climber").path("ascents") : root.path("ascents")).size();
        }
        if (file.endsWith(".xlsx")) {
            return (int) java.util.regex.Pattern.compile("<row[ >]").matcher(sheetXml(content)).results().count() - 1;
        }
        if (file.contains("sendage")) {
            return SharedExports.rows(sendageTable(content)).size();
        }
        return SharedExports.rows(content).size();
    }

    private static int undatedSendageRows(byte[] content) {
        return (int) SharedExports.rows(sendageTable(content)).stream().filter(r -> r.get("Date").isBlank()).count();
    }

    /** Sendage puts a few lines about the export before its table. */
    private static byte[] sendageTable(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\nDate,") + 1).getBytes(StandardCharsets.UTF_8);
    }

    private static String sheetXml(byte[] xlsx) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no sheet1.xml");
    }
}
