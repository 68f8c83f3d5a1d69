package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #16: Cruxlog's CSV export, imported into a fresh account, gives the same logbook: the
 * same export again (but for Cruxlog's own ids) and the same analytics. For Mountain Project
 * files the export also gives back the source's own columns: Route Type as written (the export
 * used to rewrite it in 151 of the 567-tick file's rows), Rating Code and Your Rating (it left
 * the first blank and dropped the second). Known answers are the shared files' own columns.
 * Files of other sites round-trip too, through an export written in Mountain Project's words.
 */
@CruxlogIntegrationTest
class ExportRoundTripTest {


    @Autowired
    WebTestClient http;

    @ParameterizedTest
    @ValueSource(strings = {"mountain-project/ticks-small-4.csv", "mountain-project/ticks-sport-trad-567.csv",
            "mountain-project/ticks-boulder-267.csv", "mountain-project/ticks-excel-mangled-741.csv"})
    void aMountainProjectExportRoundTripsThroughCruxlogsExport(String file) throws Exception {
        Climbers climbers = new Climbers(http);
        LogbookImports imports = new LogbookImports(http);
        Climber author = climbers.verified("round-trip");
        Map<String, Object> first = imports.upload(author, SharedExports.bytes(file), "ticks.csv", null);
        assertThat(first.get("status")).isEqualTo("succeeded");
        byte[] export = export(author);

        // The source's own columns come back: every row the import kept, as the file has it.
        List<Map<String, String>> source = rows(SharedExports.bytes(file));
        List<Map<String, String>> exported = rows(export);
        assertThat(exported).hasSize(((Number) first.get("ticksAdded")).intValue());
        for (String column : List.of("Route Type", "Rating Code", "Your Rating", "URL")) {
            assertThat(column(exported, column)).as(column)
                    .containsExactlyInAnyOrderElementsOf(column(kept(source, exported), column));
        }

        // Imported into a fresh account, the export gives the same export and the same analytics.
        Climber reader = climbers.verified("round-trip-reader");
        assertThat(imports.upload(reader, export, "cruxlog-export.csv", null).get("status")).isEqualTo("succeeded");
        // (Ticks of one day come in id order, and the ids are new: the same rows, in any order.)
        assertThat(withoutIds(rows(export(reader)))).containsExactlyInAnyOrderElementsOf(withoutIds(exported));
        for (String path : List.of("/pyramid?discipline=sport", "/pyramid?discipline=trad", "/pyramid?discipline=boulder",
                "/pyramid?discipline=sport&includeFollows=true", "/overview", "/progression", "/calendar", "/locations",
                "/characteristics")) {
            assertThat(canonical(analytics(reader, path))).as(path).isEqualTo(canonical(analytics(author, path)));
        }
    }

    /**
     * Every other site's shared file: imported, exported in Mountain Project's words, and that
     * export imported into a fresh account gives the same export (but for ids, and the source,
     * which is now Cruxlog's export) and the same analytics.
     */
    @ParameterizedTest
    @ValueSource(strings = {"eight-a/ascents-boulder-178.json", "eight-a/ascents-boulder-160.json",
            "other-logbooks/8a-csv-export-9.csv", "other-logbooks/thecrag-export.csv", "other-logbooks/ukc-logbook-export.csv",
            "other-logbooks/ukc-logbook-export.xlsx", "other-logbooks/27crags-export.json", "other-logbooks/sendage-export.csv"})
    void anotherSitesFileRoundTripsThroughCruxlogsExport(String file) throws Exception {
        Climbers climbers = new Climbers(http);
        LogbookImports imports = new LogbookImports(http);
        Climber author = climbers.verified("rt-other");
        Map<String, Object> first = imports.upload(author, SharedExports.bytes(file), file.substring(file.lastIndexOf('/') + 1),
                null);
        assertThat(first.get("status")).as("%s", first).isEqualTo("succeeded");
        byte[] export = export(author);
        List<Map<String, String>> exported = rows(export);
        assertThat(exported).hasSize(((Number) first.get("ticksAdded")).intValue());

        Climber reader = climbers.verified("rt-reader");
        Map<String, Object> again = imports.upload(reader, export, "cruxlog-export.csv", null);
        assertThat(again.get("status")).as("%s", again).isEqualTo("succeeded");
        assertThat(withoutIdsAndSource(rows(export(reader)))).containsExactlyInAnyOrderElementsOf(withoutIdsAndSource(exported));
        for (String path : List.of("/pyramid?discipline=sport", "/pyramid?discipline=trad", "/pyramid?discipline=boulder",
                "/pyramid?discipline=sport&includeFollows=true", "/overview", "/progression", "/calendar", "/locations",
                "/characteristics")) {
            assertThat(canonical(analytics(reader, path))).as(path).isEqualTo(canonical(analytics(author, path)));
        }
    }

    private static List<Map<String, String>> withoutIdsAndSource(List<Map<String, String>> rows) {
        return withoutIds(rows).stream().map(row -> {
            Map<String, String> copy = new LinkedHashMap<>(row);
            copy.remove("Source");
            return copy;
        }).toList();
    }

    /** The source rows the import kept: as many as the export has, matched by route link and route. */
    private static List<Map<String, String>> kept(List<Map<String, String>> source, List<Map<String, String>> exported) {
        List<String> keys = exported.stream().map(row -> row.get("URL") + "|" + row.get("Route")).toList();
        List<String> remaining = new ArrayList<>(keys);
        List<Map<String, String>> kept = new ArrayList<>();
        for (Map<String, String> row : source) {
            if (remaining.remove(row.get("URL") + "|" + row.get("Route"))) {
                kept.add(row);
            }
        }
        return kept;
    }

    /**
     * Lists sorted (recursively): what is compared is the figures, not the order of equal ones
     * (lists of one day's ticks are not ordered by anything the file says).
     */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> sorted = new java.util.TreeMap<>();
            map.forEach((key, item) -> sorted.put(key, canonical(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExportRoundTripTest::canonical).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
        }
        return value;
    }

    private static List<String> column(List<Map<String, String>> rows, String column) {
        return rows.stream().map(row -> row.getOrDefault(column, "")).toList();
    }

    private static List<Map<String, String>> withoutIds(List<Map<String, String>> rows) {
        return rows.stream().map(row -> {
            Map<String, String> copy = new LinkedHashMap<>(row);
            copy.remove("Cruxlog ID");
            return copy;
        }).toList();
    }

    private byte[] export(Climber climber) {
        return http.get().uri("/api/v1/logbook/export?format=csv").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    private Object analytics(Climber climber, String path) {
        return http.get().uri("/api/v1/analytics" + path).header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(Object.class).returnResult().getResponseBody();
    }

    private static List<Map<String, String>> rows(byte[] csv) throws IOException, CsvException {
        try (CSVReader reader = new CSVReaderBuilder(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            List<String[]> all = reader.readAll();
            String[] header = all.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] fields : all.subList(1, all.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i].replace("\uFEFF", ""), i < fields.length ? fields[i] : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
