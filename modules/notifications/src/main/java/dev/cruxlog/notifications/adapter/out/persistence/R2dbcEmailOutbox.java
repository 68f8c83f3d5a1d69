package dev.cruxlog.notifications.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.application.EmailOutbox;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcEmailOutbox implements EmailOutbox {

    private static final String COLUMNS = "id, owner_id, recipient, template, name, action_url, created_at, sent_at, attempts, last_error";

    private final DatabaseClient db;

    R2dbcEmailOutbox(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> add(Email email) {
        return db.sql("""
                        INSERT INTO notifications.outbox (owner_id, recipient, template, name, action_url)
                        VALUES (:owner, :recipient, :template, :name, :actionUrl) RETURNING id""")
                .bind("owner", Parameter.fromOrEmpty(email.ownerId(), UUID.class))
                .bind("recipient", email.to())
                .bind("template", email.template().name())
                .bind("name", Parameter.fromOrEmpty(email.name(), String.class))
                .bind("actionUrl", Parameter.fromOrEmpty(email.actionUrl(), String.class))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    @Override
    public Mono<Stored> find(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM notifications.outbox WHERE id = :id")
                .bind("id", id)
                .map(R2dbcEmailOutbox::toStored)
                .one();
    }

    @Override
    public Mono<Void> markSent(long id, boolean keepLink) {
        return db.sql("""
                        UPDATE notifications.outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
                               action_url = CASE WHEN :keepLink THEN action_url END
                        WHERE id = :id""")
                .bind("id", id).bind("keepLink", keepLink).then();
    }

    @Override
    public Mono<Void> recordFailure(long id, String error) {
        return db.sql("UPDATE notifications.outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .bind("id", id).bind("error", error).then();
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID ownerId) {
        return db.sql("DELETE FROM notifications.outbox WHERE owner_id = :owner").bind("owner", ownerId).then();
    }

    @Override
    public Flux<Stored> latest(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM notifications.outbox ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(R2dbcEmailOutbox::toStored)
                .all();
    }

    private static Stored toStored(Readable row) {
        Email email = new Email(row.get("recipient", String.class), EmailTemplate.valueOf(row.get("template", String.class)),
                row.get("name", String.class), row.get("action_url", String.class), row.get("owner_id", UUID.class));
        return new Stored(row.get("id", Long.class), email, row.get("created_at", OffsetDateTime.class),
                row.get("sent_at", OffsetDateTime.class), row.get("attempts", Integer.class), row.get("last_error", String.class));
    }
}
