package dev.cruxlog.analytics.application;

import java.time.Duration;

import dev.cruxlog.platform.jobs.PeriodicSweep;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refreshes the figures of climbers whose stored figures have lapsed: a logbook with a tick
 * dated after tomorrow changes on that tick's eve without a write, so its figures hold only
 * until then ({@code valid_through}). Pages answer correctly from the ticks meanwhile, but
 * slowly for a large logbook and on every view; this brings them back to one indexed row.
 * A page of climbers per sweep, each in its own transaction under the per-climber lock a write
 * takes. Two instances sweeping at once may refresh one climber twice, alike.
 */
@Component
public class LapsedFiguresSweep extends PeriodicSweep {

    /** Climbers refreshed per sweep: a sweep stays short; the next one takes the rest. */
    static final int PAGE = 50;

    private final LogbookFigures figures;
    private final WholeLogbookReadModel readModel;
    private final TransactionalOperator transaction;

    public LapsedFiguresSweep(LogbookFigures figures, WholeLogbookReadModel readModel, TransactionalOperator transaction,
                              @Value("${cruxlog.analytics.rebuild-check-interval:1m}") Duration every) {
        super("lapsed analytics figures", every);
        this.figures = figures;
        this.readModel = readModel;
        this.transaction = transaction;
    }

    @Override
    public Mono<Long> sweep() {
        return figures.climbersWithLapsedFigures(PAGE)
                .concatMap(owner -> transaction.transactional(readModel.logbookChanged(owner)).thenReturn(owner))
                .count();
    }
}
