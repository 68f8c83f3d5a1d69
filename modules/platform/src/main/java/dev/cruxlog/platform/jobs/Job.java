package dev.cruxlog.platform.jobs;

/**
 * A claimed job as a handler sees it.
 *
 * @param id          the job's id
 * @param kind        which handler runs it
 * @param payloadJson the payload as JSON text; {@link JobPayloads} reads it
 * @param attempt     1 for the first run, 2 for the first retry, ...
 * @param maxAttempts after this many failed attempts the job is parked as dead
 */
public record Job(long id, String kind, String payloadJson, int attempt, int maxAttempts) {
}
