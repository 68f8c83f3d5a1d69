package dev.cruxlog.platform.jobs.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled           run a worker in this instance (all instances may)
 * @param concurrency       jobs this instance runs at once
 * @param pollInterval      fallback polling when a NOTIFY was missed (listener reconnecting)
 * @param visibilityTimeout a claimed job whose worker stops heart-beating is offered again after this
 * @param maxAttempts       attempts before a job is parked as dead
 * @param backoffBase       delay before the first retry; doubles per attempt
 * @param backoffMax        the longest delay between attempts
 * @param shutdownGrace     on shutdown, how long running jobs may finish before they are abandoned
 * @param workerId          names this instance in {@code locked_by}; generated when empty
 * @param maxConcurrent     per kind, jobs this instance runs at once (within {@code concurrency});
 *                          replaces the kind's own {@link dev.cruxlog.platform.jobs.JobHandler#maxConcurrent()}
 */
@ConfigurationProperties("cruxlog.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int concurrency,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("60s") Duration visibilityTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration backoffBase,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("10s") Duration shutdownGrace,
        String workerId,
        Map<String, Integer> maxConcurrent) {

    public static final String CHANNEL = "cruxlog_jobs";

    public JobsProperties {
        if (maxConcurrent == null) {
            maxConcurrent = Map.of();
        }
        maxConcurrent.forEach((kind, limit) -> {
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("cruxlog.jobs.max-concurrent[" + kind + "] must be at least 1, was " + limit);
            }
        });
        maxConcurrent = Map.copyOf(maxConcurrent);
    }

    public Duration heartbeatInterval() {
        return visibilityTimeout.dividedBy(3);
    }
}
