package dev.cruxlog.coach.application;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An answer is written by the instance that started it; if that instance stops mid-answer, the
 * row would say "streaming" for ever. Every few minutes, answers older than any answer can take
 * (first-token plus idle timeouts, with a wide margin) are marked failed, keeping their text.
 */
@Component
public class AbandonedAnswers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AbandonedAnswers.class);

    private final Conversations conversations;
    private final Duration after;
    private final Duration every;
    private volatile Disposable sweeping;

    AbandonedAnswers(Conversations conversations,
                     @Value("${cruxlog.coach.abandoned-after:15m}") Duration after,
                     @Value("${cruxlog.coach.abandoned-sweep-interval:5m}") Duration every) {
        this.conversations = conversations;
        this.after = after;
        this.every = every;
    }

    /** One sweep; returns how many answers were marked failed. */
    public Mono<Long> sweep() {
        return conversations.failAbandonedAnswers(after)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.warn("Marked {} abandoned coach answer(s) as failed", count);
                    }
                });
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        sweeping = Flux.interval(Duration.ZERO, every)
                .concatMap(tick -> sweep().onErrorResume(error -> {
                    log.warn("Sweeping abandoned coach answers failed; next try in {}", every, error);
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        Disposable current = sweeping;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return sweeping != null && !sweeping.isDisposed();
    }
}
