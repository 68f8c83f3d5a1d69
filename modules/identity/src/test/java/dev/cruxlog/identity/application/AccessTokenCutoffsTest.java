package dev.cruxlog.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The in-memory cutoffs reads are checked against: the latest wins, and none outlives a token's lifetime. */
class AccessTokenCutoffsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final IdentityProperties properties = new IdentityProperties("http://localhost", 4, null,
            Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(30), false);
    private final AccessTokenCutoffs cutoffs = new AccessTokenCutoffs(properties, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokensIssuedBeforeTheLatestCutoffAreRefusedAndLaterOnesAreNot() {
        UUID account = UUID.randomUUID();
        cutoffs.record(account, NOW.minusSeconds(60));
        cutoffs.record(account, NOW.minusSeconds(600));

        assertThat(cutoffs.refuses(account, NOW.minusSeconds(61))).isTrue();
        assertThat(cutoffs.refuses(account, NOW.minusSeconds(60))).as("issued in the cutoff's millisecond").isFalse();
        assertThat(cutoffs.refuses(account, NOW.minusSeconds(59))).isFalse();
        assertThat(cutoffs.refuses(UUID.randomUUID(), NOW.minusSeconds(3600))).as("another account").isFalse();
    }

    @Test
    void cutoffsOlderThanATokensLifetimeAreForgotten() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        cutoffs.record(old, NOW.minus(Duration.ofMinutes(16)));
        cutoffs.record(recent, NOW.minus(Duration.ofMinutes(14)));

        cutoffs.forgetExpired();

        assertThat(cutoffs.size()).isEqualTo(1);
        assertThat(cutoffs.refuses(recent, NOW.minus(Duration.ofMinutes(20)))).isTrue();
    }
}
