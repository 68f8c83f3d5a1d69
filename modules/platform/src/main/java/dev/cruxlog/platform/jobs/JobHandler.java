package dev.cruxlog.platform.jobs;

import reactor.core.publisher.Mono;

/**
 * Runs jobs of one kind. A failed or erroring {@code Mono} is retried with exponential
 * backoff up to the job's attempt limit, then the job is parked as {@code dead} with its
 * error kept. Handlers must be idempotent: a worker that dies mid-job means another
 * attempt later.
 */
public interface JobHandler {

    String kind();

    /**
     * How many jobs of this kind one instance runs at once, within its worker's
     * {@code cruxlog.jobs.concurrency}. Unlimited unless a kind says otherwise: one that keeps a
     * core busy for seconds (an import) declares a limit, so a queue of them neither takes every
     * slot from the short jobs (mail, webhooks) nor every core from the pages. A declared limit is
     * held below the worker's concurrency, so such a kind never takes every slot. An operator may
     * override it per kind ({@code cruxlog.jobs.max-concurrent[kind]}; a kind no handler runs
     * stops the start).
     */
    default int maxConcurrent() {
        return Integer.MAX_VALUE;
    }

    Mono<Void> handle(Job job);
}
