package dev.cruxlog.analytics.application;

import java.util.UUID;

import dev.cruxlog.analytics.domain.ReadModelRules;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import dev.cruxlog.platform.jobs.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Rebuilds every climber's read model from the logbook, in the background through the job
 * queue: a page of climbers per job, each climber in its own short transaction (under the same
 * per-climber lock as a write), then the next page as a new job. Pages keep answering
 * throughout: a climber whose figures are of older rules is answered from the ticks until
 * rebuilt. Started by {@link ReadModelRebuildSweep} when {@link ReadModelRules#VERSION} is
 * newer than the last rebuild's or an operator asked for one (app/ops/rebuild-analytics.sh).
 * Idempotent: a page run twice computes the same figures twice.
 */
@Component
public class ReadModelRebuild implements JobHandler {

    public static final String KIND = "analytics.rebuild-read-model";

    /** Climbers per job: small enough that a job retried after a crash redoes little. */
    static final int PAGE = 50;

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** @param after the last climber of the previous page; null for the first */
    public record Page(UUID after) {
    }

    private final LogbookStatistics logbook;
    private final WholeLogbookReadModel readModel;
    private final JobQueue jobs;
    private final JobPayloads payloads;
    private final TransactionalOperator transaction;

    public ReadModelRebuild(LogbookStatistics logbook, WholeLogbookReadModel readModel, JobQueue jobs, JobPayloads payloads,
                            TransactionalOperator transaction) {
        this.logbook = logbook;
        this.readModel = readModel;
        this.jobs = jobs;
        this.payloads = payloads;
        this.transaction = transaction;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The first page's job; call inside the transaction that claimed the rebuild. */
    public Mono<Long> start() {
        return jobs.enqueue(KIND, new Page(null));
    }

    @Override
    public Mono<Void> handle(Job job) {
        Page page = payloads.read(job, Page.class);
        return logbook.climbersAfter(page.after(), PAGE)
                .concatMap(owner -> transaction.transactional(readModel.logbookChanged(owner)).thenReturn(owner))
                .collectList()
                .flatMap(rebuilt -> {
                    if (rebuilt.size() < PAGE) {
                        log.info("Analytics read model rebuilt (rules version {})", ReadModelRules.VERSION);
                        return Mono.empty();
                    }
                    return transaction.transactional(jobs.enqueue(KIND, new Page(rebuilt.get(rebuilt.size() - 1)))).then();
                });
    }
}
