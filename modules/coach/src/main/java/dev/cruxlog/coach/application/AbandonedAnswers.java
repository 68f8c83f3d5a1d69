package dev.cruxlog.coach.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import dev.cruxlog.platform.jobs.PeriodicSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An answer is written by the instance that started it; if that instance stops mid-answer, the
 * row would say "streaming" for ever. Every few minutes, answers older than any answer can take
 * (first-token plus idle timeouts, with a wide margin) are marked failed, keeping their text,
 * and a question whose answer stored nothing is given back to that day's allowance, as a
 * failed provider's is (issue #18, R2).
 */
@Component
public class AbandonedAnswers extends PeriodicSweep {

    private static final Logger log = LoggerFactory.getLogger(AbandonedAnswers.class);

    private final Conversations conversations;
    private final DailyUsage usage;
    private final Clock clock;
    private final Duration after;

    AbandonedAnswers(Conversations conversations, DailyUsage usage, Clock clock,
                     @Value("${cruxlog.coach.abandoned-after:15m}") Duration after,
                     @Value("${cruxlog.coach.abandoned-sweep-interval:5m}") Duration every) {
        super("abandoned coach answers", every);
        this.conversations = conversations;
        this.usage = usage;
        this.clock = clock;
        this.after = after;
    }

    /** One sweep; emits how many answers were marked failed. */
    @Override
    public Mono<Long> sweep() {
        return conversations.failAbandonedAnswers(after)
                // Given back on the day it was counted on, in the clock's zone as QuestionAllowance counts.
                .concatMap(answer -> answer.wroteNothing()
                        ? usage.refund(answer.owner(), LocalDate.ofInstant(answer.askedAt(), clock.getZone())).thenReturn(answer)
                        : Mono.just(answer))
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        log.warn("Marked {} abandoned coach answer(s) as failed", count);
                    }
                });
    }
}
