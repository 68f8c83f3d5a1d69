package dev.cruxlog.identity.adapter.out.persistence;

import dev.cruxlog.identity.application.SigningSecrets;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The generated HMAC key: the first instance to start stores it, every instance reads the same one. */
@Repository
class R2dbcSigningSecrets implements SigningSecrets {

    private final DatabaseClient db;

    R2dbcSigningSecrets(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<byte[]> getOrCreate(byte[] candidate) {
        return db.sql("INSERT INTO identity.signing_secret (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                .bind("secret", candidate)
                .then()
                .then(db.sql("SELECT secret FROM identity.signing_secret WHERE id = 1")
                        .map(row -> row.get("secret", byte[].class)).one());
    }
}
