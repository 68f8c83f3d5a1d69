package dev.cruxlog.coach.adapter.out.persistence;

import dev.cruxlog.coach.application.AnswerStops;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Stops announced with {@code pg_notify}: every instance listening on the channel hears them. */
@Repository
class PostgresAnswerStops implements AnswerStops {

    private final DatabaseClient db;

    PostgresAnswerStops(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> announce(Stop stop) {
        return db.sql("SELECT pg_notify('" + CHANNEL + "', :payload)").bind("payload", stop.payload()).then();
    }
}
