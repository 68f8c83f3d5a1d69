package dev.cruxlog.identity.adapter.out.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.cruxlog.identity.application.Throttles;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcThrottles implements Throttles {

    private final DatabaseClient db;

    R2dbcThrottles(DatabaseClient db) {
        this.db = db;
    }

    /** One upsert (the row lock orders concurrent ones): a new window starts when the old one has ended. */
    @Override
    public Mono<Window> count(String key, Duration window) {
        return db.sql("""
                        INSERT INTO identity.login_throttle AS t (key, window_started_at, failures) VALUES (:key, now(), 1)
                        ON CONFLICT (key) DO UPDATE SET
                            failures = CASE WHEN t.window_started_at < now() - CAST(:seconds AS bigint) * interval '1 second'
                                            THEN 1 ELSE t.failures + 1 END,
                            window_started_at = CASE WHEN t.window_started_at < now() - CAST(:seconds AS bigint) * interval '1 second'
                                                     THEN now() ELSE t.window_started_at END
                        RETURNING failures, window_started_at""")
                .bind("key", key).bind("seconds", window.toSeconds())
                .map(row -> new Window(row.get("failures", Integer.class),
                        row.get("window_started_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    @Override
    public Mono<Void> uncount(String key) {
        return db.sql("UPDATE identity.login_throttle SET failures = greatest(failures - 1, 0) WHERE key = :key")
                .bind("key", key).then();
    }

    @Override
    public Mono<Void> clear(String key) {
        return db.sql("DELETE FROM identity.login_throttle WHERE key = :key").bind("key", key).then();
    }
}
