package dev.cruxlog.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ClimbersLruTest {

    private record Key(UUID climber, String what) {
    }

    private static final UUID ANNA = new UUID(0, 0xa);
    private static final UUID BEN = new UUID(0, 0xb);

    @Test
    void forgettingAClimberDropsTheirsAndRefusesWhatIsHeldAfterwardsButNoOneElses() {
        ClimbersLru<Key, String> lru = new ClimbersLru<>(100, Key::climber);
        lru.put(new Key(ANNA, "pyramid"), "A", 2);
        lru.put(new Key(BEN, "pyramid"), "B", 3);

        lru.forget(ANNA);
        // A request that read Anna's logbook before the erasure finishes after it.
        lru.put(new Key(ANNA, "overview"), "computed across the erasure", 4);
        lru.putUnlessKept(new Key(ANNA, "pyramid"), "again", 4, held -> false);
        lru.put(new Key(BEN, "overview"), "B2", 1);

        assertThat(lru.get(new Key(ANNA, "overview"))).isNull();
        assertThat(lru.get(new Key(ANNA, "pyramid"))).isNull();
        assertThat(lru.get(new Key(BEN, "pyramid"))).isEqualTo("B");
        assertThat(lru.weight()).isEqualTo(4);
        assertThat(lru.size()).isEqualTo(2);
    }

    @Test
    void theLastErasuresAreRememberedAndTheOldestGoPastTheBound() {
        ClimbersLru<Key, String> lru = new ClimbersLru<>(100, Key::climber);
        for (long i = 0; i <= ClimbersLru.ERASURES_REMEMBERED; i++) {
            lru.forget(new UUID(1, i));
        }

        lru.put(new Key(new UUID(1, 0), "erased first"), "held again", 1);
        lru.put(new Key(new UUID(1, 1), "erased second"), "refused", 1);
        lru.put(new Key(new UUID(1, ClimbersLru.ERASURES_REMEMBERED), "erased last"), "refused", 1);

        assertThat(lru.get(new Key(new UUID(1, 0), "erased first")))
                .as("the oldest of %d + 1 erasures is no longer remembered", ClimbersLru.ERASURES_REMEMBERED)
                .isEqualTo("held again");
        assertThat(lru.size()).isEqualTo(1);
    }
}
