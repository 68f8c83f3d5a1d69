package dev.cruxlog.platform;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Zip.of hands each source's value to the parameter in its place, and behaves as Mono.zip otherwise. */
class ZipTest {

    @Test
    void eachValueArrivesAtItsOwnParameter() {
        StepVerifier.create(Zip.of(Mono.just("a"), Mono.just(2), Mono.just(true), Mono.just('d'), Mono.just(5L),
                        Mono.just(6.0), Mono.just("g"), (a, b, c, d, e, f, g) -> a + b + c + d + e + f + g))
                .expectNext("a2trued56.0g").verifyComplete();
        StepVerifier.create(Zip.of(Mono.just(1), Mono.just(2), Mono.just(3), (a, b, c) -> a * 100 + b * 10 + c))
                .expectNext(123).verifyComplete();
    }

    @Test
    void anEmptySourceMakesItEmptyAndAFailureFailsIt() {
        StepVerifier.create(Zip.of(Mono.just(1), Mono.<Integer>empty(), Mono.just(3), Mono.just(4), (a, b, c, d) -> a))
                .verifyComplete();
        StepVerifier.create(Zip.of(Mono.just(1), Mono.just(2), Mono.error(new IllegalStateException("down")), Mono.just(4),
                        Mono.just(5), (a, b, c, d, e) -> a))
                .verifyErrorMessage("down");
    }
}
