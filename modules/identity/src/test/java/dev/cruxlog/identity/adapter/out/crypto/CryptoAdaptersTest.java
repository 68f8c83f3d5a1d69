package dev.cruxlog.identity.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.cruxlog.identity.adapter.out.blockingio.ClasspathCommonPasswords;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.IdentityProperties;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class CryptoAdaptersTest {

    @Test
    void productionDefaultIsBcryptCost12AndHashingRunsOffTheCallersThread() {
        IdentityProperties defaults = new IdentityProperties("http://localhost:8080", 12, null, null, null, null, null, false);
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(defaults.bcryptStrength(), Schedulers.boundedElastic());
        assertThat(hasher.strength()).isEqualTo(12);
        StepVerifier.create(hasher.hash("a long enough phrase").flatMap(hash -> hasher.matches("a long enough phrase", hash)))
                .expectNext(true).verifyComplete();
        StepVerifier.create(hasher.matchesNothing("anything")).expectNext(false).verifyComplete();
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesHashAndMatchAndOnlyThemselves() {
        // Issue #15, point 8: 128 climbers (4 bytes each in UTF-8) used to be a 500.
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(4, Schedulers.boundedElastic());
        String longest = "🧗".repeat(128);
        String sameFirst72Bytes = "🧗".repeat(18) + "x".repeat(110);
        StepVerifier.create(hasher.hash(longest).flatMap(hash -> hasher.matches(longest, hash)
                        .zipWith(hasher.matches(sameFirst72Bytes, hash))))
                .assertNext(both -> {
                    assertThat(both.getT1()).as("the password itself").isTrue();
                    assertThat(both.getT2()).as("another password sharing its first 72 bytes").isFalse();
                })
                .verifyComplete();
        // The reduced form starts with a control character, which no password may contain,
        // so it cannot be typed in to stand for the long password it reduces.
        assertThat(BcryptPasswordHasher.bcryptInput(longest)).startsWith("\u0001").hasSizeLessThan(72);
        assertThat(BcryptPasswordHasher.bcryptInput("x".repeat(72))).isEqualTo("x".repeat(72));
    }

    @Test
    void aFullHashingQueueRefusesAtOnceInsteadOfQueueingBehindEveryGuess() {
        // Issue #15, point 3: a real sign-in waited 52 s behind 10,000 queued guesses.
        Scheduler oneThreadOneWaiting = Schedulers.newBoundedElastic(1, 1, "test-hashing");
        try {
            BcryptPasswordHasher hasher = new BcryptPasswordHasher(8, oneThreadOneWaiting);
            List<Object> outcomes = Flux.range(0, 6)
                    .flatMap(i -> hasher.hash("a long enough phrase " + i).<Object>map(hash -> "hashed")
                            .onErrorResume(TooManyAttempts.class, Mono::just))
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(outcomes).contains("hashed");
            assertThat(outcomes).filteredOn(TooManyAttempts.class::isInstance).isNotEmpty()
                    .allSatisfy(busy -> assertThat(((TooManyAttempts) busy).retryAfter()).isEqualTo(BcryptPasswordHasher.BUSY_RETRY));
            assertThat(BcryptPasswordHasher.MAX_QUEUED_HASHES).isEqualTo(64);
        } finally {
            oneThreadOneWaiting.dispose();
        }
    }

    @Test
    void randomTokensAreUniqueAndUuidsAreVersion4() {
        SecureRandomTokens random = new SecureRandomTokens(Schedulers.boundedElastic());
        StepVerifier.create(random.next().zipWith(random.next()))
                .assertNext(pair -> assertThat(pair.getT1().value()).isNotEqualTo(pair.getT2().value()))
                .verifyComplete();
        StepVerifier.create(random.nextId())
                .assertNext(id -> assertThat(id.version()).isEqualTo(4))
                .verifyComplete();
        // TOTP keys and recovery codes: the length asked for, never the same twice.
        StepVerifier.create(random.nextBytes(20).zipWith(random.nextBytes(20)))
                .assertNext(pair -> {
                    assertThat(pair.getT1()).hasSize(20);
                    assertThat(pair.getT1()).isNotEqualTo(pair.getT2());
                })
                .verifyComplete();
    }

    @Test
    void theShippedCommonPasswordListLoads() {
        ClasspathCommonPasswords list = new ClasspathCommonPasswords("identity/common-passwords.txt");
        assertThat(list.size()).isGreaterThan(30_000);
        assertThat(list.contains("password")).isTrue();
        assertThat(list.contains("12345678")).isTrue();
        assertThat(list.contains("correct horse battery staple on the crag")).isFalse();
    }
}
