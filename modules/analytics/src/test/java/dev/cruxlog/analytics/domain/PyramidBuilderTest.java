package dev.cruxlog.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A hand-computed pyramid: 1 send at 7a (level 17), none at 6c+, 3 at 6c, 5 at 6b+. */
class PyramidBuilderTest {

    private static PyramidBuilder.Send send(int level, String route, String date) {
        return new PyramidBuilder.Send(level, new Pyramid.Route("key-" + route, route, "Céüse", LocalDate.parse(date), "x", 2, 1, "redpoint"));
    }

    private final List<PyramidBuilder.Send> sends = List.of(
            send(17, "Top", "2024-06-01"),
            send(15, "A", "2024-01-01"), send(15, "B", "2024-03-01"), send(15, "C", "2024-02-01"),
            send(14, "D", "2023-01-01"), send(14, "E", "2023-01-02"), send(14, "F", "2023-01-03"), send(14, "G", "2023-01-04"),
            send(14, "H", "2023-01-05"), send(10, "Easy", "2020-01-01"));

    @Test
    void theTopFourLevelsHardestFirstWithGapsAndTheIdealShape() {
        Pyramid pyramid = PyramidBuilder.build(sends, 4);
        assertThat(pyramid.levels()).extracting(Pyramid.Level::level).containsExactly(17, 16, 15, 14);
        assertThat(pyramid.levels()).extracting(Pyramid.Level::sends).containsExactly(1, 0, 3, 5);
        assertThat(pyramid.levels()).extracting(Pyramid.Level::idealSends).containsExactly(1, 2, 4, 8);
        assertThat(pyramid.levels().get(2).routes()).extracting(Pyramid.Route::route).containsExactly("B", "C", "A");
    }

    @Test
    void adviceSaysWhatTheNextGradeNeeds() {
        Pyramid pyramid = PyramidBuilder.build(sends, 4);
        // For level 18: 2 at 17 (have 1), 4 at 16 (have 0), 8 at 15 (have 3), 16 at 14 (have 5).
        assertThat(pyramid.advice()).extracting(Pyramid.Deficit::level, Pyramid.Deficit::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(17, 1), org.assertj.core.groups.Tuple.tuple(16, 4),
                        org.assertj.core.groups.Tuple.tuple(15, 5), org.assertj.core.groups.Tuple.tuple(14, 11));
        assertThat(pyramid.advice()).allMatch(deficit -> deficit.targetLevel() == 18);
    }

    @Test
    void moreLevelsOnScreenDoNotStretchTheAdvice() {
        Pyramid pyramid = PyramidBuilder.build(sends, 6);
        assertThat(pyramid.levels()).hasSize(6);
        assertThat(pyramid.levels()).extracting(Pyramid.Level::idealSends).containsExactly(1, 2, 4, 8, 16, 32);
        assertThat(pyramid.advice()).extracting(Pyramid.Deficit::level).containsExactly(17, 16, 15, 14);
    }

    @Test
    void noSendsNoPyramid() {
        assertThat(PyramidBuilder.build(List.of(), 4).isEmpty()).isTrue();
    }
}
