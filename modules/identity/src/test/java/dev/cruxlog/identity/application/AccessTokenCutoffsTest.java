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
    private final AccessTokenCutoffs cutoffs = new AccessTokenCutoffs(null, properties, Clock.fixed(NOW, ZoneOffset.UTC));

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
    void cutoffsOlderThanATokensLifetimeAndTheDecodersLeewayAreForgotten() {
        UUID old = UUID.randomUUID();
        UUID withinLeeway = UUID.randomUUID();
        cutoffs.record(old, NOW.minus(Duration.ofMinutes(17)));
        // 15 minutes of lifetime, but the decoder accepts a token a minute past "exp".
        cutoffs.record(withinLeeway, NOW.minus(Duration.ofSeconds(15 * 60 + 30)));

        cutoffs.forgetExpired();

        assertThat(cutoffs.size()).isEqualTo(1);
        assertThat(cutoffs.refuses(withinLeeway, NOW.minus(Duration.ofMinutes(20)))).isTrue();
        assertThat(cutoffs.memory()).isEqualTo(Duration.ofMinutes(16));
    }
}
