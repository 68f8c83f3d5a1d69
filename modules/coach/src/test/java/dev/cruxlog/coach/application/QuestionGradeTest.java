package dev.cruxlog.coach.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.domain.GradeCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grade a coach question names, and only when it names one (issue #16). */
class QuestionGradeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", delimiter = '|', value = {
            "What do I need for 5.12a?|5.12a|yds|sport",
            "how far am I from 7a+ in sport|7a+|french|sport",
            "Is 5.10d trad hard?|5.10d|yds|trad",
            "V6 next?|V6|v|boulder",
            "Is 7A within reach?|7A|font|boulder",
            "How were my last 30 days?|none|none|none",
            "I climbed 3 days and 12 pitches|none|none|none",
            "my 2025.5 season|none|none|none"})
    void readsTheGradeAQuestionNames(String question, String grade, String system, String discipline) {
        var named = QuestionGrade.in(question, new GradeCatalog());
        if (grade == null) {
            assertThat(named).isEmpty();
            return;
        }
        assertThat(named).hasValueSatisfying(found -> {
            assertThat(found.grade().grade()).isEqualTo(grade);
            assertThat(found.grade().system()).isEqualTo(GradeSystem.byId(system).orElseThrow());
            assertThat(found.discipline()).isEqualTo(discipline);
        });
    }
}
