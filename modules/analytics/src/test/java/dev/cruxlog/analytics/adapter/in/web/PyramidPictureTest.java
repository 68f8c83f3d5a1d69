package dev.cruxlog.analytics.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.cruxlog.analytics.PyramidView;
import org.junit.jupiter.api.Test;

class PyramidPictureTest {

    private static final double CENTRE = PyramidPicture.LABEL_WIDTH
            + (PyramidPicture.WIDTH - PyramidPicture.LABEL_WIDTH - PyramidPicture.TOTAL_WIDTH) / 2.0;

    @Test
    void barsAreCentredStackedByStyleInTheirCleanestFirstOrderAndScaledToTheWidestOfSendsAndIdeal() {
        PyramidPicture picture = PyramidPicture.of(pyramid(
                level("7b", 1, "redpoint"),
                level("7a+", 2, "redpoint", "onsight"),
                level("7a", 4, "flash", "redpoint", "onsight", "flash"),
                level("6c+", 8, "top-rope", "onsight", "redpoint", "pinkpoint", "follow", "solo", "repeat", "onsight",
                        "onsight", "onsight", "onsight", "flash")));

        assertThat(picture.rows()).extracting(PyramidPicture.Row::grade).containsExactly("7b", "7a+", "7a", "6c+");
        PyramidPicture.Row base = picture.rows().get(3);
        // Twelve sends against an ideal of eight: the base's bar is the widest thing and fills the area.
        assertThat(base.barWidth()).isCloseTo(PyramidPicture.WIDTH - PyramidPicture.LABEL_WIDTH - PyramidPicture.TOTAL_WIDTH,
                within(0.001));
        assertThat(base.segments()).extracting(PyramidPicture.Segment::style)
                .containsExactly("onsight", "flash", "redpoint", "pinkpoint", "solo", "repeat", "top-rope", "follow");
        assertThat(base.segments()).extracting(PyramidPicture.Segment::count).containsExactly(5, 1, 1, 1, 1, 1, 1, 1);
        for (PyramidPicture.Row row : picture.rows()) {
            assertThat(row.barX() + row.barWidth() / 2).as(row.grade() + " centred").isCloseTo(CENTRE, within(0.001));
            assertThat(row.idealX() + row.idealWidth() / 2).isCloseTo(CENTRE, within(0.001));
            double end = row.barX();
            for (PyramidPicture.Segment segment : row.segments()) {
                assertThat(segment.x()).as("segments touch, in order").isCloseTo(end, within(0.001));
                end += segment.width();
            }
            assertThat(end).as("the parts add up to the bar").isCloseTo(row.barX() + row.barWidth(), within(0.001));
        }
        PyramidPicture.Row top = picture.rows().get(0);
        assertThat(top.idealWidth() * 8).isCloseTo(picture.rows().get(3).idealWidth(), within(0.001));
        assertThat(picture.rows()).extracting(PyramidPicture.Row::y).containsExactly(4.0, 34.0, 64.0, 94.0);
        assertThat(picture.height()).isEqualTo(128);
        assertThat(picture.legend()).extracting(PyramidPicture.Key::name)
                .containsExactly("Onsight", "Flash", "Redpoint", "Pinkpoint", "Solo", "Repeat", "Top rope", "Follow");
        assertThat(picture.description()).isEqualTo("7b: 1 send of an ideal 1; 7a+: 2 sends of an ideal 2; "
                + "7a: 4 sends of an ideal 4; 6c+: 12 sends of an ideal 8");
    }

    @Test
    void aCountIsWrittenOnlyOnASegmentWideEnoughToHoldIt() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            many.add("redpoint");
        }
        many.add("flash");
        PyramidPicture picture = PyramidPicture.of(pyramid(level("7a", 1, "onsight"), level("6c+", 2, many.toArray(String[]::new))));

        PyramidPicture.Row base = picture.rows().get(1);
        assertThat(base.segments()).extracting(PyramidPicture.Segment::labelled).containsExactly(false, true);
        assertThat(base.segments().get(0).width()).isLessThan(PyramidPicture.COUNT_FITS);
        assertThat(picture.rows().get(0).segments().get(0).labelled()).isFalse();
    }

    @Test
    void anEmptyLevelHasNoBarButKeepsItsIdealAndAStyleNoOneNamedStillGetsAKey() {
        PyramidPicture picture = PyramidPicture.of(pyramid(level("8a", 1, "hangdog-free"), level("7c+", 2)));

        assertThat(picture.rows().get(1).segments()).isEmpty();
        assertThat(picture.rows().get(1).barWidth()).isZero();
        assertThat(picture.rows().get(1).idealWidth()).isPositive();
        assertThat(picture.legend()).extracting(PyramidPicture.Key::name).containsExactly("Hangdog free");
        assertThat(PyramidPicture.n(1234.56)).isEqualTo("1234.6");
    }

    @Test
    void aPyramidWithNoLevelsDrawsNothing() {
        PyramidPicture picture = PyramidPicture.of(pyramid());

        assertThat(picture.rows()).isEmpty();
        assertThat(picture.legend()).isEmpty();
        assertThat(picture.description()).isEmpty();
    }

    private static PyramidView pyramid(PyramidView.Level... levels) {
        return new PyramidView("sport", "french", null, null, List.of(levels), null);
    }

    /** A level whose routes were first sent in these styles; its ideal is the i-th power of two. */
    private static PyramidView.Level level(String grade, int ideal, String... styles) {
        List<PyramidView.Route> routes = new ArrayList<>();
        for (int i = 0; i < styles.length; i++) {
            routes.add(new PyramidView.Route("k" + grade + i, "Route " + i, null, LocalDate.of(2024, 5, 1), grade, 1, 1,
                    styles[i], null, null));
        }
        return new PyramidView.Level(grade, 10, 10, routes.size(), ideal, routes);
    }
}
