package dev.cruxlog.logbook.application;

import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.domain.InvalidTickInput;
import dev.cruxlog.logbook.domain.TickDraft;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tick entered by hand, as the draft the store receives: built like an imported one, checked first. */
class ManualTickDraftTest {

    // Only the grade catalogue is used to make a draft; the stores are not reached.
    private final TickService service = new TickService(null, new GradeCatalog(), null, null);

    @Test
    void aHandEnteredTickHasNoSourceKeyAndItsFieldsAsEntered() {
        TickDraft draft = service.draft(new TickService.TickInput(" Biographie ", LocalDate.of(2024, 7, 1), " 9a+ ", "sport",
                "redpoint", 1, 130, "France > Céüse > Biographie sector", "  third go, finally\n", List.of(" project ", "")));

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
        TickDraft draft = service.draft(new TickService.TickInput("Silence", LocalDate.of(2024, 7, 1), "9c", "sport",
                "redpoint", null, null, null, "   ", null));

        assertThat(draft.notes()).isNull();
        assertThat(draft.tags()).isEmpty();
        assertThat(draft.pitches()).isEqualTo(1);
        assertThat(draft.lengthFt()).isNull();
    }

    @Test
    void aLengthOutsideWhatARouteCanBeIsRefusedNamingTheField() {
        for (int length : new int[] {0, -40, TickService.MAX_LENGTH_FT + 1}) {
            assertThatThrownBy(() -> service.draft(new TickService.TickInput("Silence", LocalDate.of(2024, 7, 1), "9c", "sport",
                    "redpoint", 1, length, null, null, null)))
                    .isInstanceOfSatisfying(InvalidTickInput.class, refused -> assertThat(refused.field()).isEqualTo("lengthFt"));
        }
    }
}
