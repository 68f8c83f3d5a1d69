package dev.cruxlog.platform.jobs.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;

import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobView;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The job table, {@code platform.job}. Every statement is one round trip; claiming uses
 * {@code FOR UPDATE SKIP LOCKED} so concurrent workers (threads or app instances) never
 * take the same row, and a row whose lock expired is offered again.
 */
class R2dbcJobStore {

    private final DatabaseClient db;

    R2dbcJobStore(DatabaseClient db) {
        this.db = db;
    }

    /** Insert and notify in one statement; both commit (or vanish) with the caller's transaction. */
    Mono<Long> insert(String kind, String payloadJson, int maxAttempts) {
        return db.sql("""
                        WITH inserted AS (
                            INSERT INTO platform.job (kind, payload, max_attempts)
                            VALUES (:kind, CAST(:payload AS jsonb), :maxAttempts)
                            RETURNING id)
                        SELECT id, pg_notify(:channel, :kind) FROM inserted""")
                .bind("kind", kind)
                .bind("payload", payloadJson)
                .bind("maxAttempts", maxAttempts)
                .bind("channel", JobsProperties.CHANNEL)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    Flux<Job> claim(String workerId, Collection<String> kinds, int limit, Duration visibility) {
        // The CTE is evaluated exactly once: as "WHERE id IN (SELECT ... SKIP LOCKED LIMIT n)" the
        // planner may rescan the sub-select, and each rescan can lock a different set of rows.
        return db.sql("""
                        WITH claimable AS (
                            SELECT id FROM platform.job
                             WHERE kind = ANY(:kinds)
                               AND ((status = 'queued' AND run_at <= now())
                                 OR (status = 'running' AND locked_until < now()))
                             ORDER BY run_at, id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                        UPDATE platform.job AS j
                           SET status = 'running', attempts = j.attempts + 1, locked_by = :worker,
                               locked_until = now() + CAST(:visibilityMs AS bigint) * interval '1 millisecond',
                               updated_at = now()
                          FROM claimable
                         WHERE j.id = claimable.id
                        RETURNING j.id, j.kind, j.payload::text AS payload, j.attempts, j.max_attempts""")
                .bind("worker", workerId)
                .bind("visibilityMs", visibility.toMillis())
                .bind("kinds", kinds.toArray(String[]::new))
                .bind("limit", limit)
                .map(row -> new Job(row.get("id", Long.class), row.get("kind", String.class),
                        row.get("payload", String.class), row.get("attempts", Integer.class),
                        row.get("max_attempts", Integer.class)))
                .all();
    }

    /** Extends the locks of the jobs a worker is running; jobs another worker took over are left alone. */
    Mono<Long> heartbeat(Collection<Long> ids, String workerId, Duration visibility) {
        return db.sql("""
                        UPDATE platform.job
                           SET locked_until = now() + CAST(:visibilityMs AS bigint) * interval '1 millisecond'
                         WHERE id = ANY(:ids) AND locked_by = :worker AND status = 'running'""")
                .bind("visibilityMs", visibility.toMillis())
                .bind("ids", ids.toArray(Long[]::new))
                .bind("worker", workerId)
                .fetch().rowsUpdated();
    }

    Mono<Boolean> succeed(long id, String workerId) {
        return db.sql("""
                        UPDATE platform.job
                           SET status = 'succeeded', locked_by = NULL, locked_until = NULL,
                               finished_at = now(), updated_at = now()
                         WHERE id = :id AND locked_by = :worker AND status = 'running'""")
                .bind("id", id)
                .bind("worker", workerId)
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    Mono<Boolean> retryLater(long id, String workerId, String error, Duration delay) {
        return db.sql("""
                        UPDATE platform.job
                           SET status = 'queued', locked_by = NULL, locked_until = NULL, last_error = :error,
                               run_at = now() + CAST(:delayMs AS bigint) * interval '1 millisecond', updated_at = now()
                         WHERE id = :id AND locked_by = :worker AND status = 'running'""")
                .bind("id", id)
                .bind("worker", workerId)
                .bind("error", error)
                .bind("delayMs", delay.toMillis())
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    Mono<Boolean> bury(long id, String workerId, String error) {
        return db.sql("""
                        UPDATE platform.job
                           SET status = 'dead', locked_by = NULL, locked_until = NULL, last_error = :error,
                               finished_at = now(), updated_at = now()
                         WHERE id = :id AND locked_by = :worker AND status = 'running'""")
                .bind("id", id)
                .bind("worker", workerId)
                .bind("error", error)
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    Mono<JobView> find(long id) {
        return db.sql("""
                        SELECT id, kind, status, attempts, max_attempts, run_at, last_error, created_at, finished_at
                          FROM platform.job WHERE id = :id""")
                .bind("id", id)
                .map(R2dbcJobStore::toView)
                .one();
    }

    private static JobView toView(Readable row) {
        return new JobView(row.get("id", Long.class), row.get("kind", String.class), row.get("status", String.class),
                row.get("attempts", Integer.class), row.get("max_attempts", Integer.class),
                row.get("run_at", OffsetDateTime.class), row.get("last_error", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("finished_at", OffsetDateTime.class));
    }
}
