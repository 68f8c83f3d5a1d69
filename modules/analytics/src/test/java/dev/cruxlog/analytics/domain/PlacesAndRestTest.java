package dev.cruxlog.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlacesAndRestTest {

    @Test
    void placesRollUpIntoRegionsAndAreasWithTheHardestSendAndLastVisit() {
        List<PlaceTree.Node> tree = PlaceTree.build(List.of(
                new PlaceTree.Leaf(List.of("Nevada", "Red Rocks", "Black Velvet"), 3, 12, 2, "5.11a", 140, LocalDate.of(2024, 3, 1)),
                new PlaceTree.Leaf(List.of("Nevada", "Red Rocks", "Kraft Boulders"), 5, 5, 4, "V5", 50, LocalDate.of(2024, 4, 1)),
                new PlaceTree.Leaf(List.of("Utah", "Indian Creek"), 1, 1, 0, null, null, LocalDate.of(2023, 10, 1))));
        assertThat(tree).extracting(PlaceTree.Node::name).containsExactly("Nevada", "Utah");
        PlaceTree.Node nevada = tree.get(0);
        assertThat(nevada.ticks()).isEqualTo(8);
        assertThat(nevada.pitches()).isEqualTo(17);
        assertThat(nevada.sends()).isEqualTo(6);
        assertThat(nevada.hardestGrade()).isEqualTo("5.11a");
        assertThat(nevada.lastVisit()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(nevada.children().get(0).children()).extracting(PlaceTree.Node::name)
                .containsExactly("Kraft Boulders", "Black Velvet");
        assertThat(tree.get(1).hardestGrade()).isNull();
    }

    @Test
    void restDaysCountTheDaysOffBetweenDaysOut() {
        RestDays.Summary summary = RestDays.of(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 5), LocalDate.of(2024, 6, 1)));
        assertThat(summary.histogram()).isEqualTo(Map.of(0, 1, 2, 1, 30, 1));
        assertThat(summary.average()).isEqualTo(32 / 3.0);
        assertThat(RestDays.of(List.of()).average()).isZero();
    }
}
