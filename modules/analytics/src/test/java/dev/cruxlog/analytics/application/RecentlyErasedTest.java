package dev.cruxlog.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecentlyErasedTest {

    @Test
    void theLastErasuresAreRememberedAndTheOldestGoPastTheBound() {
        RecentlyErased erased = new RecentlyErased();
        UUID first = new UUID(0, 0);
        assertThat(erased.contains(first)).isFalse();

        for (long i = 0; i <= RecentlyErased.REMEMBERED; i++) {
            erased.mark(new UUID(0, i));
        }

        assertThat(erased.contains(first)).as("the oldest of %d + 1", RecentlyErased.REMEMBERED).isFalse();
        assertThat(erased.contains(new UUID(0, 1))).isTrue();
        assertThat(erased.contains(new UUID(0, RecentlyErased.REMEMBERED))).isTrue();
    }
}
