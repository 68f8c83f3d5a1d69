package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import org.junit.jupiter.api.Test;

/**
 * An import's new ticks as the figures will read them once stored, gathered chunk by chunk: a link
 * keys its route, else the key the database gave its name and place.
 */
class AddedTicksTest {

    private static TickDraft draft(String route, String location, String routeUrl) {
        return new TickDraft("ukc", route + "|" + location, route, LocalDate.of(2024, 5, 2), "5.10a", "yds", 30, 10, null,
                null, Discipline.SPORT, true, AscentStyle.REDPOINT, "Lead RP", null, null, 1, 90, location,
                List.of("Greece", location == null ? "Somewhere" : location), routeUrl, null, null, null, null, null, List.of());
    }

    @Test
    void aRouteWithALinkIsKeyedByItAndOneWithoutByTheKeyTheDatabaseGaveItsNameAndPlace() {
        NewTick linked = NewTick.of(draft("ΣΟΦΟΣ", "Kalymnos", "https://www.mountainproject.com/route/1/sofos"));
        NewTick named = NewTick.of(draft("ΣΟΦΟΣ", "Kalymnos", null));
        NewTick again = NewTick.of(draft("ΣΟΦΟΣ", "Kalymnos", null));
        NewTick nowhere = NewTick.of(draft("ΣΟΦΟΣ", null, null));
        AddedTicks added = new AddedTicks();
        added.add(List.of(linked, named));
        added.add(List.of(again, nowhere));

        List<NewTick.Unlinked> unlinked = added.unlinkedRoutes();
        List<FigureTick> read = added.keyed(List.of("key of Kalymnos", "key of nowhere"));

        assertThat(unlinked).as("each route without a link once").containsExactly(
                new NewTick.Unlinked("ΣΟΦΟΣ", "Kalymnos"), new NewTick.Unlinked("ΣΟΦΟΣ", null));
        assertThat(read).extracting(FigureTick::routeKey).containsExactly(
                "https://www.mountainproject.com/route/1/sofos", "key of Kalymnos", "key of Kalymnos", "key of nowhere");
        assertThat(read.get(1)).satisfies(tick -> {
            assertThat(tick.id()).isEqualTo(named.id());
            assertThat(tick.discipline()).isEqualTo("sport");
            assertThat(tick.style()).isEqualTo("redpoint");
            assertThat(tick.send()).isTrue();
            assertThat(tick.locationPath()).containsExactly("Greece", "Kalymnos");
        });
    }

    @Test
    void whatTheFilesTicksRepeatIsHeldOnceWhateverChunkTheyCameIn() {
        // As parsed: every row its own copies of the strings, equal but not the same.
        NewTick first = NewTick.of(draft(new String("Crimson"), new String("Red Rock"), new String("https://mp/route/9/crimson")));
        NewTick second = NewTick.of(draft(new String("Crimson"), new String("Red Rock"), new String("https://mp/route/9/crimson")));
        NewTick elsewhere = NewTick.of(draft(new String("Levitation 29"), new String("Red Rock"), new String("https://mp/route/8/lev")));
        AddedTicks added = new AddedTicks();
        added.add(List.of(first));
        added.add(List.of(second, elsewhere));

        List<FigureTick> read = added.keyed(List.of());

        assertThat(read).hasSize(3);
        assertThat(read.get(1).route()).isSameAs(read.get(0).route());
        assertThat(read.get(1).routeKey()).isSameAs(read.get(0).routeKey());
        assertThat(read.get(2).location()).isSameAs(read.get(0).location());
        assertThat(read.get(2).climbedOn()).isSameAs(read.get(0).climbedOn());
        assertThat(read.get(2).locationPath().get(1)).isSameAs(read.get(0).locationPath().get(1));
        assertThat(read.get(2)).as("the values themselves unchanged").satisfies(tick -> {
            assertThat(tick.id()).isEqualTo(elsewhere.id());
            assertThat(tick.route()).isEqualTo("Levitation 29");
            assertThat(tick.routeKey()).isEqualTo("https://mp/route/8/lev");
            assertThat(tick.locationPath()).containsExactly("Greece", "Red Rock");
            assertThat(tick.gradeIndex()).isEqualTo(30);
            assertThat(tick.lengthFeet()).isEqualTo(90);
        });
    }

    @Test
    void everyRouteWithoutALinkNeedsItsKey() {
        AddedTicks added = new AddedTicks();
        added.add(List.of(NewTick.of(draft("Crimson", "Red Rock", null))));

        assertThat(added.isEmpty()).isFalse();
        assertThatThrownBy(() -> added.keyed(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> added.keyed(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(added.keyed(List.of("crimson|red rock"))).extracting(FigureTick::routeKey).containsExactly("crimson|red rock");
        assertThatThrownBy(() -> added.keyed(java.util.Arrays.asList((String) null)))
                .as("a route without a link and without its key is not keyed as null")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Crimson");
    }
}
