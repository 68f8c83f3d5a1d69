package dev.cruxlog.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class EventuallyTest {

    @Test
    void asksAgainUntilAnAnswerHoldsAndReturnsIt() {
        AtomicInteger asked = new AtomicInteger();

        Integer answer = Eventually.answer(() -> Mono.fromSupplier(asked::incrementAndGet), n -> n == 3, Duration.ofSeconds(10));

        assertThat(answer).isEqualTo(3);
        assertThat(asked).hasValue(3);
    }

    @Test
    void anEmptyAnswerIsAskedAgain() {
        AtomicInteger asked = new AtomicInteger();

        Integer answer = Eventually.present(() -> Mono.fromSupplier(asked::incrementAndGet).filter(n -> n > 2), Duration.ofSeconds(10));

        assertThat(answer).isEqualTo(3);
    }

    @Test
    void noAnswerHoldingWithinTheLimitFailsNamingTheLastOne() {
        assertThatThrownBy(() -> Eventually.answer(() -> Mono.just("queued"), "succeeded"::equals, Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("the last was queued");
    }
}
