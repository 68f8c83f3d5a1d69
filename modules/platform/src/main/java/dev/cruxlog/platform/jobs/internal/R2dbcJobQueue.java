package dev.cruxlog.platform.jobs.internal;

import dev.cruxlog.platform.jobs.JobPayloads;
import dev.cruxlog.platform.jobs.JobQueue;
import dev.cruxlog.platform.jobs.JobView;
import reactor.core.publisher.Mono;

class R2dbcJobQueue implements JobQueue {

    private final R2dbcJobStore store;
    private final JobPayloads payloads;
    private final int maxAttempts;

    R2dbcJobQueue(R2dbcJobStore store, JobPayloads payloads, int maxAttempts) {
        this.store = store;
        this.payloads = payloads;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Mono<Long> enqueue(String kind, Record payload) {
        return Mono.fromSupplier(() -> payloads.write(payload))
                .flatMap(json -> store.insert(kind, json, maxAttempts));
    }

    @Override
    public Mono<JobView> find(long id) {
        return store.find(id);
    }
}
