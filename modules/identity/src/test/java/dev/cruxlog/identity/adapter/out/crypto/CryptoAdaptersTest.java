package dev.cruxlog.identity.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruxlog.identity.adapter.out.blockingio.ClasspathCommonPasswords;
import dev.cruxlog.identity.application.IdentityProperties;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class CryptoAdaptersTest {

    @Test
    void productionDefaultIsBcryptCost12AndHashingRunsOffTheCallersThread() {
        IdentityProperties defaults = new IdentityProperties("http://localhost:8080", 12, null, null, null, null, false);
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(defaults.bcryptStrength(), Schedulers.boundedElastic());
        assertThat(hasher.strength()).isEqualTo(12);
        StepVerifier.create(hasher.hash("a long enough phrase").flatMap(hash -> hasher.matches("a long enough phrase", hash)))
                .expectNext(true).verifyComplete();
        StepVerifier.create(hasher.matchesNothing("anything")).expectNext(false).verifyComplete();
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
