package dev.cruxlog.coach.adapter.out.persistence;

import java.time.LocalDate;
import java.util.UUID;

import dev.cruxlog.coach.application.DailyUsage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The allowance check and the count are one statement: the row is inserted or incremented only
 * while under the limit, so two questions at the same moment cannot both take the last one.
 */
@Repository
class R2dbcDailyUsage implements DailyUsage {

    private final DatabaseClient db;

    R2dbcDailyUsage(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> tryConsume(UUID owner, LocalDate day, int limit) {
        return db.sql("""
                        INSERT INTO coach.daily_usage AS u (owner_id, day, messages) VALUES (:owner, :day, 1)
                        ON CONFLICT (owner_id, day) DO UPDATE SET messages = u.messages + 1 WHERE u.messages < :limit
                        RETURNING messages""")
                .bind("owner", owner).bind("day", day).bind("limit", limit)
                .map(row -> row.get("messages", Integer.class)).one()
                .map(count -> count <= limit)
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> refund(UUID owner, LocalDate day) {
        return db.sql("UPDATE coach.daily_usage SET messages = messages - 1 WHERE owner_id = :owner AND day = :day AND messages > 0")
                .bind("owner", owner).bind("day", day).then();
    }

    @Override
    public Mono<Integer> used(UUID owner, LocalDate day) {
        return db.sql("SELECT messages FROM coach.daily_usage WHERE owner_id = :owner AND day = :day")
                .bind("owner", owner).bind("day", day).map(row -> row.get("messages", Integer.class)).one().defaultIfEmpty(0);
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM coach.daily_usage WHERE owner_id = :owner").bind("owner", owner).then();
    }
}
