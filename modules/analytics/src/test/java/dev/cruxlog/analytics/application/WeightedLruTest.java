package dev.cruxlog.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeightedLruTest {

    @Test
    void theLeastRecentlyReadGoOnceTheWeightsPassTheBound() {
        WeightedLru<String, String> lru = new WeightedLru<>(10);
        lru.put("a", "A", 4);
        lru.put("b", "B", 4);
        assertThat(lru.get("a")).isEqualTo("A");
        lru.put("c", "C", 4);

        assertThat(lru.get("b")).as("the least recently read").isNull();
        assertThat(lru.get("a")).isEqualTo("A");
        assertThat(lru.get("c")).isEqualTo("C");
        assertThat(lru.weight()).isEqualTo(8);
    }

    @Test
    void aValueTakesTheWeightOfTheOneItReplacesAndOneHeavierThanTheBoundIsNotHeld() {
        WeightedLru<String, String> lru = new WeightedLru<>(10);
        lru.put("a", "A", 6);
        lru.put("a", "A2", 2);
        lru.put("huge", "H", 11);

        assertThat(lru.get("a")).isEqualTo("A2");
        assertThat(lru.get("huge")).isNull();
        assertThat(lru.weight()).isEqualTo(2);
        assertThat(new WeightedLru<String, String>(0)).satisfies(none -> {
            none.put("a", "A", 0);
            none.put("b", "B", 1);
            assertThat(none.get("b")).isNull();
        });
        assertThatThrownBy(() -> new WeightedLru<>(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removingByKeyGivesBackTheWeight() {
        WeightedLru<String, String> lru = new WeightedLru<>(100);
        lru.put("anna/1", "A1", 3);
        lru.put("anna/2", "A2", 4);
        lru.put("ben/1", "B1", 5);

        lru.removeIf(key -> key.startsWith("anna/"));

        assertThat(lru.size()).isEqualTo(1);
        assertThat(lru.weight()).isEqualTo(5);
        assertThat(lru.get("ben/1")).isEqualTo("B1");
    }

    @Test
    void aValueToBeKeptIsNotReplacedAndItsWeightStays() {
        WeightedLru<String, Integer> lru = new WeightedLru<>(10);
        lru.put("anna", 5, 3);

        lru.putUnlessKept("anna", 4, 1, held -> held > 4);
        assertThat(lru.get("anna")).isEqualTo(5);
        assertThat(lru.weight()).isEqualTo(3);

        lru.putUnlessKept("anna", 6, 2, held -> held > 6);
        lru.putUnlessKept("ben", 1, 2, held -> true);
        assertThat(lru.get("anna")).isEqualTo(6);
        assertThat(lru.get("ben")).as("nothing held under the key: nothing to keep").isEqualTo(1);
        assertThat(lru.weight()).isEqualTo(4);
    }
}
