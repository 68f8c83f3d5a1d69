package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import org.junit.jupiter.api.Test;

/** A new tick as the figures will read it once stored: a link keys its route, else the database's key. */
class NewTickTest {

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
        List<NewTick> ticks = List.of(linked, named, again, nowhere);

        List<NewTick.Unlinked> unlinked = NewTick.unlinkedRoutes(ticks);
        List<FigureTick> read = NewTick.figureTicks(ticks, unlinked, List.of("key of Kalymnos", "key of nowhere"));

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
    void routesAndTheirKeysMustPairUpAndEveryUnlinkedRouteHaveOne() {
        NewTick named = NewTick.of(draft("Crimson", "Red Rock", null));

        assertThatThrownBy(() -> NewTick.figureTicks(List.of(named), List.of(new NewTick.Unlinked("Crimson", "Red Rock")),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewTick.figureTicks(List.of(named), List.of(new NewTick.Unlinked("Other", "Red Rock")),
                List.of("other|red rock")))
                .as("a route without a link and without its key is not keyed as null")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Crimson");
        assertThat(new NewTick(UUID.randomUUID(), named.draft()).id()).isNotEqualTo(named.id());
    }
}
