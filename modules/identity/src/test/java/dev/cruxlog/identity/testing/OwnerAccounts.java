package dev.cruxlog.identity.testing;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * For other modules' slices, which boot without the identity module: the account row every
 * module's tables refer to (their owner foreign keys, issue #15), written with the columns identity
 * requires and nothing else. The identity schema is migrated by {@link IdentityStandIn}.
 */
public final class OwnerAccounts {

    private OwnerAccounts() {
    }

    public static UUID create(DatabaseClient db) {
        UUID id = UUID.randomUUID();
        String name = "owner-" + id.toString().substring(0, 13);
        db.sql("INSERT INTO identity.account (id, email, email_normalized, username, username_normalized, password_hash) "
                        + "VALUES (:id, :email, :email, :name, :name, 'not a hash: a slice never signs in')")
                .bind("id", id).bind("email", name + "@example.test").bind("name", name)
                .then().block(Duration.ofSeconds(10));
        return id;
    }
}
