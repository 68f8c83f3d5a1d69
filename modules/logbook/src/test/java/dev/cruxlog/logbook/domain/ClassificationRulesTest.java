package dev.cruxlog.logbook.domain;

import java.time.LocalDate;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.Season;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification rules, on rows taken from the shared Mountain Project exports. */
class ClassificationRulesTest {

    private static Grade grade(String raw) {
        return new GradeCatalog().parse(raw, null).orElseThrow();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {5} {6}")
    @CsvSource(nullValues = "null", value = {
            // route type, style, lead style, grade, pitches, discipline, ascent style, confirmed
            "Trad, Follow, null, 5.8+, 1, trad, FOLLOW, true",             // Razor Worm: Emma led; still a trad route
            "Trad, Lead, Fell/Hung, 5.9, 1, trad, ATTEMPT, true",           // Golden Locks
            "Trad, Lead, Onsight, 5.9, 2, trad, ONSIGHT, true",             // Directissima
            "Trad, TR, null, 5.5, 2, trad, TOP_ROPE, true",                 // 50-50
            "Boulder, Send, null, V3, 1, boulder, REDPOINT, true",          // Small World
            "Boulder, Flash, null, V5, 1, boulder, FLASH, true",
            "Boulder, Attempt, null, V6, 1, boulder, ATTEMPT, true",
            "'Sport, TR', Lead, Redpoint, 5.11a, 1, sport, REDPOINT, true",
            "'Sport, TR', TR, null, 5.10a, 1, sport, TOP_ROPE, true",
            "Sport, TR, null, 5.11a, 1, sport, TOP_ROPE, true",
            "Sport, Follow, null, 5.10b, 1, sport, FOLLOW, true",
            "TR, TR, null, 5.9, 1, tr, TOP_ROPE, true",                     // a route only ever top-roped
            "null, TR, null, 5.9, 1, tr, TOP_ROPE, true",
            "'Trad, Sport', Lead, Onsight, 5.9, 1, trad, ONSIGHT, false",   // kept and flagged, not dropped
            "'Trad, Ice', Lead, null, WI4, 1, ice, REDPOINT, true",
            "Sport, Lead, Pinkpoint, 5.11b, 1, sport, PINKPOINT, true",
            "Trad, Lead, null, 5.6, 3, trad, REDPOINT, true",
            "Sport, null, null, 5.10a, 1, sport, ATTEMPT, true",
            "Trad, Follow, null, 5.9, 4, trad, FOLLOW, true"})
    void mountainProjectRows(String routeType, String style, String leadStyle, String grade, int pitches,
                             String discipline, AscentStyle ascent, boolean confirmed) {
        Classification result = MountainProjectClassifier.classify(routeType, style, leadStyle, grade(grade), "");
        assertThat(result.discipline().id()).isEqualTo(discipline);
        assertThat(result.style()).isEqualTo(ascent);
        assertThat(result.disciplineConfirmed()).isEqualTo(confirmed);
    }

    @Test
    void aCleanTopRopeIsAnAscentOfItsOwnStyleAndASendOnlyWhenTheClimberCountsThem() {
        Classification hung = MountainProjectClassifier.classify("Sport", "TR", null, grade("5.11a"), "hung twice at the crux");
        assertThat(hung.style()).isEqualTo(AscentStyle.ATTEMPT);
        Classification clean = MountainProjectClassifier.classify("Sport", "TR", null, grade("5.11a"), "clean!");
        assertThat(clean.style()).isEqualTo(AscentStyle.TOP_ROPE);
        assertThat(clean.send()).isFalse();
        assertThat(clean.style().countsAsSend(SendCounting.LEADS_AND_BOULDERS)).isFalse();
        assertThat(clean.style().countsAsSend(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS)).isTrue();
        assertThat(AscentStyle.FOLLOW.countsAsSend(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS)).isTrue();
        assertThat(AscentStyle.ATTEMPT.countsAsSend(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS)).isFalse();
        assertThat(AscentStyle.REDPOINT.countsAsSend(SendCounting.LEADS_AND_BOULDERS)).isTrue();
    }

    @Test
    void seasonsLengthsAndLocations() {
        assertThat(Season.of(LocalDate.of(2024, 12, 3))).isEqualTo("Winter, 2024-2025");
        assertThat(Season.of(LocalDate.of(2025, 2, 28))).isEqualTo("Winter, 2024-2025");
        assertThat(Season.of(LocalDate.of(2024, 4, 1))).isEqualTo("Spring, 2024");
        assertThat(LengthCategory.of(null, 1)).isEqualTo(LengthCategory.UNKNOWN);
        assertThat(LengthCategory.of(59, 1)).isEqualTo(LengthCategory.SHORT);
        assertThat(LengthCategory.of(85, 1)).isEqualTo(LengthCategory.LONG);
        assertThat(LengthCategory.of(100, 3)).isEqualTo(LengthCategory.MULTIPITCH);
        LocationPath path = LocationPath.parse("Tennessee > The Tennessee Wall > (7) Orange Blossom Wall");
        assertThat(path.display()).isEqualTo("The Tennessee Wall, Tennessee");
        assertThat(path.crag()).isEqualTo("(7) Orange Blossom Wall");
        assertThat(LocationPath.parse("").display()).isEmpty();
    }

    @Test
    void disciplineAndStyleIdsRoundTrip() {
        for (Discipline discipline : Discipline.values()) {
            assertThat(Discipline.fromId(discipline.id())).isEqualTo(discipline);
        }
        for (AscentStyle style : AscentStyle.values()) {
            assertThat(AscentStyle.fromId(style.id())).isEqualTo(style);
        }
        assertThat(GradeSystem.byId("v")).isPresent();
    }
}
