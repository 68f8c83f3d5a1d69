package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import org.junit.jupiter.api.Test;

/** A new tick as the figures will read it once stored: keyed as the database keys routes. */
class NewTickTest {

    private static TickDraft draft(String route, String location, String routeUrl) {
        return new TickDraft("ukc", route + "|" + location, route, LocalDate.of(2024, 5, 2), "5.10a", "yds", 30, 10, null,
                null, Discipline.SPORT, true, AscentStyle.REDPOINT, "Lead RP", null, null, 1, 90, location,
                List.of("Greece", location == null ? "Somewhere" : location), routeUrl, null, null, null, null, null, List.of());
    }

    @Test
    void aRouteWithALinkIsKeyedByItAndOneWithoutByItsLowerCasedNameAndLocation() {
        NewTick linked = NewTick.of(draft("ΣΟΦΟΣ", "Kalymnos", "https://www.mountainproject.com/route/1/sofos"));
        NewTick named = NewTick.of(draft("ΣΟΦΟΣ", "Kalymnos", null));
        NewTick nowhere = NewTick.of(draft("ΣΟΦΟΣ", null, null));
        List<NewTick> ticks = List.of(linked, named, nowhere);

        List<String> names = NewTick.unlinkedRouteNames(ticks);
        List<FigureTick> read = NewTick.figureTicks(ticks, names, List.of("σοφοσ"));

        assertThat(names).as("each name once, only where there is no link").containsExactly("ΣΟΦΟΣ");
        assertThat(read).extracting(FigureTick::routeKey).containsExactly(
                "https://www.mountainproject.com/route/1/sofos", "σοφοσ|Kalymnos", "σοφοσ|");
        assertThat(read.get(1)).satisfies(tick -> {
            assertThat(tick.id()).isEqualTo(named.id());
            assertThat(tick.discipline()).isEqualTo("sport");
            assertThat(tick.style()).isEqualTo("redpoint");
            assertThat(tick.send()).isTrue();
            assertThat(tick.locationPath()).containsExactly("Greece", "Kalymnos");
        });
    }

    @Test
    void namesAndTheirLowerCasedFormsMustPairUp() {
        NewTick named = NewTick.of(draft("Crimson", "Red Rock", null));

        assertThatThrownBy(() -> NewTick.figureTicks(List.of(named), List.of("Crimson"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewTick.figureTicks(List.of(named), List.of("Other"), List.of("other")))
                .as("a route without a link and without its lower-cased name is not keyed as \"null|...\"")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Crimson");
        assertThat(new NewTick(UUID.randomUUID(), named.draft()).id()).isNotEqualTo(named.id());
    }
}
