package dev.cruxlog.platform.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Waits for what runs in the background (a job the queue claims, a listener, a lock another
 * request waits on): asks again every 100 ms until an answer satisfies the condition. The limit
 * only bounds a hang; no test asserts how long anything took.
 */
public final class Eventually {

    private static final Duration EVERY = Duration.ofMillis(100);

    private Eventually() {
    }

    /** The first answer the query gives at all (an empty answer is asked again). */
    public static <T> T present(Supplier<Mono<T>> query, Duration within) {
        return answer(query, any -> true, within);
    }

    /**
     * @param query     asked afresh every time (a new statement, not a cached answer)
     * @param condition what the answer must satisfy
     * @param within    how long to keep asking
     * @return the first answer that satisfied the condition
     * @throws AssertionError naming the last answer seen, when none did within the limit
     */
    public static <T> T answer(Supplier<Mono<T>> query, Predicate<? super T> condition, Duration within) {
        AtomicReference<T> last = new AtomicReference<>();
        T found = Mono.defer(query)
                .doOnNext(last::set)
                .filter(condition)
                .repeatWhenEmpty(Integer.MAX_VALUE, tries -> tries.delayElements(EVERY))
                .timeout(within, Mono.empty())
                .block();
        if (found == null) {
            throw new AssertionError("no answer satisfied the condition within " + within + "; the last was " + last.get());
        }
        return found;
    }
}
