package dev.cruxlog.analytics.application;

import java.time.Duration;

import dev.cruxlog.analytics.domain.ReadModelRules;
import dev.cruxlog.platform.jobs.PeriodicSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Starts a {@link ReadModelRebuild} when one is due: at the first start of an application
 * whose {@link ReadModelRules#VERSION} is newer than the last rebuild's, or after an operator
 * asked for one. Every instance sweeps; the claim and the first job commit together, so one
 * instance starts it.
 */
@Component
public class ReadModelRebuildSweep extends PeriodicSweep {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuildSweep.class);

    private final LogbookFigures figures;
    private final ReadModelRebuild rebuild;
    private final TransactionalOperator transaction;

    public ReadModelRebuildSweep(LogbookFigures figures, ReadModelRebuild rebuild, TransactionalOperator transaction,
                                 @Value("${cruxlog.analytics.rebuild-check-interval:1m}") Duration every) {
        super("analytics read model rebuilds", every);
        this.figures = figures;
        this.rebuild = rebuild;
        this.transaction = transaction;
    }

    @Override
    public Mono<Long> sweep() {
        return transaction.transactional(figures.claimRebuild(ReadModelRules.VERSION)
                .flatMap(claimed -> claimed ? rebuild.start().doOnNext(job -> log.info(
                        "Rebuilding the analytics read model (rules version {}), job {}", ReadModelRules.VERSION, job))
                        .thenReturn(1L) : Mono.just(0L)));
    }
}
