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

    Mono<Void> handle(Job job);
}
