package dev.cruxlog.platform.jobs;

import java.time.OffsetDateTime;

/**
 * A job's state, as stored.
 *
 * @param status    queued, running, succeeded or dead
 * @param lastError the most recent failure, kept after the job dies
 */
public record JobView(long id, String kind, String status, int attempts, int maxAttempts,
                      OffsetDateTime runAt, String lastError, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}
