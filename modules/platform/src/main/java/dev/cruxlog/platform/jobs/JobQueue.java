package dev.cruxlog.platform.jobs;

import reactor.core.publisher.Mono;

/**
 * Enqueue background work. Call it inside the reactive transaction that makes the
 * business change: the job row and the wake-up notification commit with it, or not at all.
 */
public interface JobQueue {

    /**
     * @param kind    which {@link JobHandler} runs it
     * @param payload serialised to JSON; keep it small (ids, not documents). A record, the same
     *                type its {@link JobHandler} reads with {@link JobPayloads#read}, so the
     *                writing and the reading side cannot disagree on a field's name
     * @return the job's id
     */
    Mono<Long> enqueue(String kind, Record payload);

    /** Look at one job: for progress pages and tests. */
    Mono<JobView> find(long id);
}
