package dev.cruxlog.platform.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Proves BlockHound is installed in this test JVM: a blocking wait on a non-blocking
 * thread must fail. Every module's test suite extends this once, so a module whose tests
 * silently ran without BlockHound would fail here.
 */
public abstract class BlockHoundSelfTest {

    @Test
    void blockingOnAnEventLoopThreadFails() {
        Mono<Boolean> blocking = Mono.fromCallable(() -> new CountDownLatch(1).await(10, TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.parallel());
        StepVerifier.create(blocking)
                .expectErrorMatches(error -> error instanceof BlockingOperationError)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void blockingOnABoundedElasticThreadIsAllowed() {
        Mono<Boolean> blocking = Mono.fromCallable(() -> new CountDownLatch(1).await(10, TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.boundedElastic());
        StepVerifier.create(blocking).expectNext(false).verifyComplete();
    }
}
