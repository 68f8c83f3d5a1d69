package dev.cruxlog.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics.Overview;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class WindowedOverviewsTest {

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final LocalDate FROM = LocalDate.of(2025, 12, 5);
    private static final LocalDate TO = LocalDate.of(2026, 12, 5);

    private final List<String> computed = new ArrayList<>();

    @Test
    void anEqualKeyIsServedWhatWasComputedAndEveryOtherPartOfTheKeyComputesAgain() {
        WindowedOverviews overviews = new WindowedOverviews(100);

        Overview first = overviews.get(window(ANNA), 7, () -> compute("first", 1)).block();
        Overview again = overviews.get(window(ANNA), 7, () -> compute("again", 2)).block();
        overviews.get(window(ANNA), 8, () -> compute("next revision", 3)).block();
        overviews.get(window(BEN), 7, () -> compute("another climber", 4)).block();
        overviews.get(new WindowedOverviews.Window(ANNA, SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS, FROM, TO), 8,
                () -> compute("other counting", 5)).block();
        overviews.get(new WindowedOverviews.Window(ANNA, SendCounting.LEADS_AND_BOULDERS, FROM.plusDays(1), TO.plusDays(1)), 8,
                () -> compute("next day", 6)).block();

        assertThat(again).isSameAs(first);
        assertThat(computed).containsExactly("first", "next revision", "another climber", "other counting", "next day");
    }

    @Test
    void aNewerRevisionTakesTheOlderOnesPlaceSoWritesDoNotPileUp() {
        WindowedOverviews overviews = new WindowedOverviews(100);
        for (long revision = 1; revision <= 50; revision++) {
            overviews.get(window(ANNA), revision, () -> compute("anna", 1)).block();
        }
        overviews.get(window(ANNA), 1, () -> compute("the first revision again", 2)).block();

        assertThat(overviews.size()).isEqualTo(1);
        assertThat(computed).hasSize(51).last().isEqualTo("the first revision again");
    }

    @Test
    void anOverviewOfAnOlderRevisionFinishingLastDoesNotDisplaceTheNewerOne() {
        WindowedOverviews overviews = new WindowedOverviews(100);
        Sinks.One<Overview> slowBeforeTheWrite = Sinks.one();
        Mono<Overview> older = overviews.get(window(ANNA), 1, slowBeforeTheWrite::asMono).cache();
        older.subscribe();

        Overview newer = overviews.get(window(ANNA), 2, () -> compute("after the write", 2)).block();
        slowBeforeTheWrite.tryEmitValue(new Overview(1, 0, 0, null, 0, 0, 0, Map.of(), List.of(), List.of(), List.of(), 0, 0,
                Map.of()));
        Overview again = overviews.get(window(ANNA), 2, () -> compute("the newer computed again", 3)).block();

        assertThat(older.block().ticks()).as("the older request is answered what it computed").isEqualTo(1);
        assertThat(again).isSameAs(newer);
        assertThat(computed).containsExactly("after the write");
    }

    @Test
    void anOverviewComputedWhileItsClimberIsErasedIsAnsweredAndNotHeld() {
        WindowedOverviews overviews = new WindowedOverviews(100);
        overviews.get(window(BEN), 1, () -> compute("ben", 1)).block();
        Sinks.One<Overview> computingAcrossTheErasure = Sinks.one();
        Mono<Overview> anna = overviews.get(window(ANNA), 1, computingAcrossTheErasure::asMono).cache();
        anna.subscribe();

        overviews.forget(ANNA);
        computingAcrossTheErasure.tryEmitValue(new Overview(7, 0, 0, null, 0, 0, 0, Map.of(), List.of(), List.of(), List.of(),
                0, 0, Map.of()));

        assertThat(anna.block().ticks()).isEqualTo(7);
        assertThat(overviews.size()).as("ben's only").isEqualTo(1);
        overviews.get(window(ANNA), 1, () -> compute("anna computed again", 2)).block();
        assertThat(computed).containsExactly("ben", "anna computed again");
    }

    @Test
    void theLeastRecentlyAskedForGoFirstPastTheBound() {
        WindowedOverviews overviews = new WindowedOverviews(2);
        UUID cleo = UUID.fromString("00000000-0000-0000-0000-00000000000c");
        overviews.get(window(ANNA), 1, () -> compute("anna", 1)).block();
        overviews.get(window(BEN), 1, () -> compute("ben", 2)).block();
        overviews.get(window(ANNA), 1, () -> compute("anna again", 3)).block();
        overviews.get(window(cleo), 1, () -> compute("cleo", 4)).block();

        overviews.get(window(ANNA), 1, () -> compute("anna once more", 5)).block();
        overviews.get(window(BEN), 1, () -> compute("ben again", 6)).block();

        assertThat(overviews.size()).isEqualTo(2);
        assertThat(computed).as("ben's was the eldest when cleo's came").containsExactly("anna", "ben", "cleo", "ben again");
    }

    @Test
    void nothingIsHeldAtZeroNorAfterTheClimbersErasureNorWhenTheComputationFails() {
        WindowedOverviews none = new WindowedOverviews(0);
        none.get(window(ANNA), 1, () -> compute("anna", 1)).block();
        none.get(window(ANNA), 1, () -> compute("anna again", 2)).block();
        assertThat(none.size()).isZero();

        WindowedOverviews overviews = new WindowedOverviews(10);
        overviews.get(window(ANNA), 1, () -> compute("anna", 3)).block();
        overviews.get(window(BEN), 1, () -> compute("ben", 4)).block();
        overviews.forget(ANNA);
        overviews.get(window(ANNA), 1, () -> compute("anna after erasure", 5)).block();
        overviews.get(window(BEN), 1, () -> compute("ben again", 6)).block();

        assertThatThrownBy(() -> overviews.get(window(BEN), 2, () -> Mono.error(new IllegalStateException("down"))).block())
                .hasMessage("down");
        overviews.get(window(BEN), 2, () -> compute("ben after the failure", 7)).block();

        assertThat(computed).containsExactly("anna", "anna again", "anna", "ben", "anna after erasure", "ben after the failure");
        assertThatThrownBy(() -> new WindowedOverviews(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static WindowedOverviews.Window window(UUID owner) {
        return new WindowedOverviews.Window(owner, SendCounting.LEADS_AND_BOULDERS, FROM, TO);
    }

    private Mono<Overview> compute(String name, long ticks) {
        return Mono.fromSupplier(() -> {
            computed.add(name);
            return new Overview(ticks, 0, 0, null, 0, 0, 0, Map.of(), List.of(), List.of(), List.of(), 0, 0, Map.of());
        });
    }
}
