package dev.cruxlog.grades.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.opencsv.CSVReaderHeaderAware;
import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every distinct grade string in the real exports of ../shared/data is understood. */
class SharedDataGradesTest {

    private final Grades grades = new GradeCatalog();

    @Test
    void everyMountainProjectGradeIsReadAndOrderedLikeItsRatingCode() throws Exception {
        Map<String, Integer> codes = new TreeMap<>();
        for (String file : List.of("ticks-sport-trad-567.csv", "ticks-boulder-267.csv", "ticks-excel-mangled-741.csv",
                "ticks-small-4.csv")) {
            for (Map<String, String> row : rows(SharedData.file("mountain-project/" + file))) {
                codes.put(row.get("Rating"), Integer.valueOf(row.get("Rating Code")));
            }
        }
        assertThat(codes).hasSizeGreaterThan(100);
        List<Grade> ydsAndV = new ArrayList<>();
        Map<Grade, Integer> codeOf = new java.util.HashMap<>();
        codes.forEach((raw, code) -> {
            Grades.GradeReading reading = grades.readMountainProject(raw, code);
            assertThat(reading.grade()).as("'%s' (code %d)", raw, code).isNotNull();
            if (reading.grade().indexed() && code < 12000 || code >= 20000 && code < 30000) {
                ydsAndV.add(reading.grade());
                codeOf.put(reading.grade(), code);
            }
        });
        for (Grade a : ydsAndV) {
            for (Grade b : ydsAndV) {
                if (a.family() == b.family() && codeOf.get(a) < codeOf.get(b)) {
                    assertThat(a.index()).as("%s (%d) below %s (%d)", a.original(), codeOf.get(a), b.original(),
                            codeOf.get(b)).isLessThan(b.index());
                }
            }
        }
    }

    @Test
    void everyEightAGradeIsReadInItsSystem() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        int read = 0;
        for (String file : List.of("eight-a/ascents-boulder-178.json", "eight-a/ascents-boulder-160.json")) {
            JsonNode ascents = json.readTree(Files.readString(SharedData.file(file))).get("ascents");
            for (JsonNode ascent : ascents) {
                String difficulty = ascent.get("difficulty").asString();
                GradeSystem hint = ascent.path("category").asInt(1) == 1 ? GradeSystem.FONT : GradeSystem.FRENCH;
                Grade grade = grades.parse(difficulty, hint).orElseThrow(() -> new AssertionError(difficulty));
                assertThat(grade.system()).isEqualTo(hint);
                read++;
            }
        }
        assertThat(read).isEqualTo(178 + 160);
        for (Map<String, String> row : rows(SharedData.file("other-logbooks/8a-csv-export-9.csv"))) {
            GradeSystem hint = "Boulder".equalsIgnoreCase(row.get("Route or Boulder")) ? GradeSystem.FONT : GradeSystem.FRENCH;
            assertThat(grades.parse(row.get("difficulty"), hint)).as(row.get("difficulty")).isPresent();
        }
    }

    @Test
    void theCragAndUkcGradesAreRead() throws Exception {
        for (Map<String, String> row : rows(SharedData.file("other-logbooks/thecrag-export.csv"))) {
            assertThat(grades.parse(row.get("Route Grade"), null)).as(row.get("Route Grade")).isPresent();
        }
        for (Map<String, String> row : rows(SharedData.file("other-logbooks/ukc-logbook-export.csv"))) {
            assertThat(grades.parse(row.get("Grade"), null)).as(row.get("Grade")).isPresent();
        }
    }

    private static List<Map<String, String>> rows(Path file) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReaderHeaderAware csv = new CSVReaderHeaderAware(reader)) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                Map<String, String> clean = new java.util.HashMap<>();
                row.forEach((key, value) -> clean.put(key.replace("\uFEFF", "").trim(), value));
                rows.add(clean);
            }
        }
        return rows;
    }
}
