package dev.cruxlog.grades.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeCatalogTest {

    private final Grades grades = new GradeCatalog();

    private Grade parse(String raw) {
        return grades.parse(raw, null).orElseThrow(() -> new AssertionError("unreadable: " + raw));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "Easy 5th, -5", "5.0, 0", "5.7-, 67", "5.7, 70", "5.9+, 93",
            "5.10a, 100", "5.10-, 103", "5.10a/b, 105", "5.10b, 110", "5.10, 113", "5.10b/c, 115", "5.10c, 120",
            "5.10+, 123", "5.10c/d, 125", "5.10d, 130", "5.11a, 140", "5.12, 193", "5.13c, 240", "5.15d, 330",
            "V-easy, -5", "V0-, -3", "V0, 0", "V0+, 3", "V0-1, 5", "V5-6, 55", "V17, 170"})
    void knownIndexes(String raw, int index) {
        assertThat(parse(raw).index()).isEqualTo(index);
    }

    @ParameterizedTest(name = "{0} {1} = {3}")
    @CsvSource({
            "6a, french, yds, 5.10a", "6c, french, yds, 5.11b", "7a, french, yds, 5.11d", "8a, french, yds, 5.13b",
            "9c, french, yds, 5.15d", "5.12a, yds, french, 7a+", "5.10b, yds, french, 6a+", "VII+, uiaa, yds, 5.11a",
            "5.11d, yds, uiaa, VIII", "6A, font, v, V3", "7A, font, v, V6", "7A+, font, v, V7", "8A, font, v, V11",
            "9A, font, v, V17", "V4, v, font, 6B", "f6C+, font, v, V5-6", "24, ewbank, yds, 5.11d"})
    void publishedChartAnchors(String raw, String from, String to, String expected) {
        GradeSystem source = GradeSystem.byId(from).orElseThrow();
        Grade grade = grades.parse(raw, source).orElseThrow();
        assertThat(grade.system()).isEqualTo(source);
        assertThat(grades.convert(grade, GradeSystem.byId(to).orElseThrow())).contains(expected);
    }

    @Test
    void everyChartGradeRoundTripsToItself() {
        for (GradeSystem system : List.of(GradeSystem.FRENCH, GradeSystem.UIAA, GradeSystem.EWBANK, GradeSystem.FONT,
                GradeSystem.UK)) {
            List<ConversionChart.Entry> chart = switch (system) {
                case FRENCH -> ConversionChart.FRENCH;
                case UK -> ConversionChart.UK;
                case UIAA -> ConversionChart.UIAA;
                case EWBANK -> ConversionChart.EWBANK;
                default -> ConversionChart.FONT;
            };
            for (ConversionChart.Entry entry : chart) {
                Grade grade = grades.parse(entry.name(), system).orElseThrow(() -> new AssertionError(entry));
                assertThat(grades.format(grade.index(), system)).as("%s %s", system, entry.name()).isEqualTo(entry.name());
            }
        }
    }

    @Test
    void everyYdsAndVGradeRoundTripsThroughItsIndex() {
        for (String yds : List.of("5.4", "5.8-", "5.9+", "5.10a", "5.10-", "5.10a/b", "5.10", "5.11+", "5.12c/d", "5.14d")) {
            assertThat(grades.format(parse(yds).index(), GradeSystem.YDS)).isEqualTo(yds);
        }
        for (String v : List.of("V-easy", "V0-", "V0", "V1+", "V3-", "V4-5", "V10", "V16")) {
            assertThat(grades.format(parse(v).index(), GradeSystem.V)).isEqualTo(v);
        }
    }

    @Test
    void suffixesAreKeptApartAndNothingIsLost() {
        Grade runout = parse("5.10b/c R");
        assertThat(runout.grade()).isEqualTo("5.10b/c");
        assertThat(runout.protection()).isEqualTo("R");
        Grade aided = parse("5.6 A0 R");
        assertThat(aided.aid()).isEqualTo("A0");
        assertThat(aided.protection()).isEqualTo("R");
        assertThat(parse("5.8+ PG13").protection()).isEqualTo("PG13");
        Grade ice = parse("WI5 M6");
        assertThat(ice.system()).isEqualTo(GradeSystem.ICE);
        assertThat(ice.index()).isNull();
        assertThat(ice.others()).containsExactly("M6");
        Grade both = parse("5.12b V6");
        assertThat(both.system()).isEqualTo(GradeSystem.YDS);
        assertThat(both.others()).containsExactly("V6");
        assertThat(grades.parse("5.12b V6", GradeSystem.V).orElseThrow().grade()).isEqualTo("V6");
        Grade everything = parse("5.15d V16-17 WI8 M13+ A5+ Steep Snow X");
        assertThat(everything.grade()).isEqualTo("5.15d");
        assertThat(everything.protection()).isEqualTo("X");
        assertThat(everything.aid()).isEqualTo("A5+");
        assertThat(everything.others()).contains("V16-17", "WI8", "M13+", "Steep Snow");
        assertThat(parse("C0").system()).isEqualTo(GradeSystem.AID);
    }

    @Test
    void levelsGroupSlashAndPlusMinusGradesWithTheLetterBelow() {
        assertThat(grades.levelName(parse("5.10a/b").level(), GradeSystem.YDS)).isEqualTo("5.10a");
        assertThat(grades.levelName(parse("5.10-").level(), GradeSystem.YDS)).isEqualTo("5.10a");
        assertThat(grades.levelName(parse("5.10").level(), GradeSystem.YDS)).isEqualTo("5.10b");
        assertThat(grades.levelName(parse("5.9+").level(), GradeSystem.YDS)).isEqualTo("5.9");
        assertThat(grades.levelName(parse("V5-6").level(), GradeSystem.V)).isEqualTo("V5");
        assertThat(grades.levelName(parse("V-easy").level(), GradeSystem.V)).isEqualTo("V-easy");
        assertThat(grades.levelName(grades.level(parse("5.11d").index(), GradeSystem.FRENCH), GradeSystem.FRENCH))
                .isEqualTo("7a");
    }

    @Test
    void everyChartSystemHasOneLevelPerGradeAndEachLevelReadsBackAsItself() {
        for (GradeSystem system : List.of(GradeSystem.FRENCH, GradeSystem.UIAA, GradeSystem.EWBANK, GradeSystem.UK,
                GradeSystem.FONT)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            GradeSystem base = system == GradeSystem.FONT ? GradeSystem.V : GradeSystem.YDS;
            int top = grades.level(base == GradeSystem.V ? 170 : RouteScale.MAX, system);
            for (int level = 0; level <= top; level++) {
                String name = grades.levelName(level, system);
                assertThat(names.add(name)).as(system + " level " + level + " " + name).isTrue();
                assertThat(grades.level(grades.levelIndex(level, system), system)).as(system + " " + name).isEqualTo(level);
                // A level's name is what the grade at its index converts to.
                assertThat(grades.format(grades.levelIndex(level, system), system)).isEqualTo(name);
            }
            assertThat(grades.levelName(-1, system)).startsWith("below ");
            assertThat(grades.levelName(top + 1, system)).startsWith("beyond ");
        }
    }

    @Test
    void yDSLettersMergeOrSplitOnTheFrenchLadderAsTheChartSays() {
        // The review's "6b, 6b": 5.10c and 5.10d both convert to 6b, so they are one French level.
        int tenC = grades.level(parse("5.10c").index(), GradeSystem.FRENCH);
        assertThat(grades.level(parse("5.10d").index(), GradeSystem.FRENCH)).isEqualTo(tenC);
        assertThat(grades.levelName(tenC, GradeSystem.FRENCH)).isEqualTo("6b");
        // 5.9 and 5.9+ share a YDS level but are 5b and 5c in French: two levels.
        assertThat(grades.level(parse("5.9").index(), GradeSystem.YDS)).isEqualTo(grades.level(parse("5.9+").index(),
                GradeSystem.YDS));
        assertThat(grades.levelName(grades.level(parse("5.9").index(), GradeSystem.FRENCH), GradeSystem.FRENCH))
                .isEqualTo("5b");
        assertThat(grades.levelName(grades.level(parse("5.9+").index(), GradeSystem.FRENCH), GradeSystem.FRENCH))
                .isEqualTo("5c");
        // YDS and V levels are the ones stored with every tick.
        assertThat(grades.level(parse("5.11b/c").index(), GradeSystem.YDS)).isEqualTo(parse("5.11b/c").level());
        assertThat(grades.level(parse("V5-6").index(), GradeSystem.V)).isEqualTo(parse("V5-6").level());
    }

    @Test
    void spreadsheetMangledGradesAreRepairedFromTheRatingCode() {
        Grades.GradeReading tenth = grades.readMountainProject("5.1", 3000);
        assertThat(tenth.grade().grade()).isEqualTo("5.10");
        assertThat(tenth.grade().original()).isEqualTo("5.1");
        assertThat(tenth.warning()).contains("5.1").contains("5.10").contains("3000");
        assertThat(grades.readMountainProject("5", 1000).grade().grade()).isEqualTo("5.0");
        Grades.GradeReading fine = grades.readMountainProject("5.10b R", 2900);
        assertThat(fine.warning()).isNull();
        assertThat(fine.grade().protection()).isEqualTo("R");
        assertThat(grades.readMountainProject("M6", 0).grade().system()).isEqualTo(GradeSystem.MIXED);
        assertThat(grades.readMountainProject("banana", null).grade()).isNull();
    }

    @Test
    void britishTradGradesKeepTheirTechnicalGradeAndConvert() {
        Grade e1 = grades.parse("E1 5b", null).orElseThrow();
        assertThat(e1.system()).isEqualTo(GradeSystem.UK);
        assertThat(e1.grade()).isEqualTo("E1");
        assertThat(e1.others()).containsExactly("5b");
        assertThat(grades.convert(e1, GradeSystem.YDS)).contains("5.10a/b");
        Grade hvs = grades.parse("HVS 5a", null).orElseThrow();
        assertThat(hvs.index()).isLessThan(e1.index());
        assertThat(grades.parse("VS 4c", null).orElseThrow().grade()).isEqualTo("VS");
        // Lone letters are British only when the source says so: "S" could be anything.
        assertThat(grades.parse("S", null)).isEmpty();
        assertThat(grades.parse("Diff", GradeSystem.UK).orElseThrow().grade()).isEqualTo("D");
        assertThat(grades.parse("5b", null).orElseThrow().system()).as("a lone 5b stays French").isEqualTo(GradeSystem.FRENCH);
        assertThat(grades.convert(grades.parse("6c", GradeSystem.FRENCH).orElseThrow(), GradeSystem.UK)).contains("E3");
        assertThat(grades.convert(grades.parse("7a", GradeSystem.FRENCH).orElseThrow(), GradeSystem.UK)).contains("E4");
    }
}
