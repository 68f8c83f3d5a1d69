package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tick entered by hand, as the draft the store receives: built like an imported one, checked first. */
class HandEnteredTickTest {

    private final GradeCatalog grades = new GradeCatalog();

    @Test
    void aHandEnteredTickHasNoSourceKeyAndItsFieldsAsEntered() {
        TickDraft draft = new HandEnteredTick(" Biographie ", LocalDate.of(2024, 7, 1), " 9a+ ", "sport",
                "redpoint", 1, 130, "France > Céüse > Biographie sector", "  third go, finally\n", List.of(" project ", ""))
                .draft(grades);

        assertThat(draft.source()).isEqualTo("manual");
        assertThat(draft.sourceKey()).isNull();
        assertThat(draft.route()).isEqualTo("Biographie");
        assertThat(draft.grade()).isEqualTo("9a+");
        assertThat(draft.gradeSystem()).isEqualTo("french");
        assertThat(draft.discipline()).isEqualTo(Discipline.SPORT);
        assertThat(draft.disciplineConfirmed()).isTrue();
        assertThat(draft.style()).isEqualTo(AscentStyle.REDPOINT);
        assertThat(draft.sourceStyle()).isNull();
        assertThat(draft.lengthFt()).isEqualTo(130);
        assertThat(draft.locationPath()).containsExactly("France", "Céüse", "Biographie sector");
        assertThat(draft.notes()).isEqualTo("third go, finally");
        assertThat(draft.tags()).containsExactly("project");
        assertThat(draft.routeUrl()).isNull();
        assertThat(draft.routeStars()).isNull();
    }

    @Test
    void blankNotesAreNoneAndNoTagsAreNoTags() {
        TickDraft draft = new HandEnteredTick("Silence", LocalDate.of(2024, 7, 1), "9c", "sport",
                "redpoint", null, null, null, "   ", null).draft(grades);

        assertThat(draft.notes()).isNull();
        assertThat(draft.tags()).isEmpty();
        assertThat(draft.pitches()).isEqualTo(1);
        assertThat(draft.lengthFt()).isNull();
    }

    @Test
    void aLengthOutsideWhatARouteCanBeIsRefusedNamingTheField() {
        for (int length : new int[] {0, -40, HandEnteredTick.MAX_LENGTH_FT + 1}) {
            assertThatThrownBy(() -> new HandEnteredTick("Silence", LocalDate.of(2024, 7, 1), "9c", "sport",
                    "redpoint", 1, length, null, null, null).draft(grades))
                    .isInstanceOfSatisfying(InvalidTickInput.class, refused -> assertThat(refused.field()).isEqualTo("lengthFt"));
        }
    }

    @Test
    void eachBrokenRuleIsRefusedNamingItsField() {
        LocalDate day = LocalDate.of(2024, 7, 1);
        Map<String, HandEnteredTick> broken = Map.of(
                "route", new HandEnteredTick("  ", day, "9c", "sport", "redpoint", 1, null, null, null, null),
                "date", new HandEnteredTick("Silence", null, "9c", "sport", "redpoint", 1, null, null, null, null),
                "discipline", new HandEnteredTick("Silence", day, "9c", "skiing", "redpoint", 1, null, null, null, null),
                "style", new HandEnteredTick("Silence", day, "9c", "sport", "hangdog", 1, null, null, null, null),
                "grade", new HandEnteredTick("Silence", day, "very hard", "sport", "redpoint", 1, null, null, null, null),
                "pitches", new HandEnteredTick("Silence", day, "9c", "sport", "redpoint", 101, null, null, null, null));

        broken.forEach((field, tick) -> assertThatThrownBy(() -> tick.draft(grades))
                .as(field)
                .isInstanceOfSatisfying(InvalidTickInput.class, refused -> assertThat(refused.field()).isEqualTo(field)));
    }
}
