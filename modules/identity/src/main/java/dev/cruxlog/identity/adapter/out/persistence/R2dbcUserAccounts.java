package dev.cruxlog.identity.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.identity.LengthUnit;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.application.AccessTokenCutoffs;
import dev.cruxlog.identity.application.StoredAccount;
import dev.cruxlog.identity.application.UserAccounts;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcUserAccounts implements UserAccounts {

    private static final String COLUMNS = """
            id, email, username, password_hash, email_verified_at IS NOT NULL AS email_verified, tier, roles, active,
            mountain_project_url, eight_a_slug, grade_systems::text AS grade_systems, length_unit,
            count_top_ropes_and_follows, created_at,
            EXISTS (SELECT 1 FROM identity.two_step_key k WHERE k.account_id = account.id AND k.confirmed_at IS NOT NULL) AS two_step""";

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcUserAccounts(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<StoredAccount> insert(String email, String emailNormalized, String username, String usernameNormalized,
                                      String passwordHash) {
        return db.sql("""
                        INSERT INTO identity.account (email, email_normalized, username, username_normalized, password_hash)
                        VALUES (:email, :emailNormalized, :username, :usernameNormalized, :hash)
                        ON CONFLICT DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .bind("email", email)
                .bind("emailNormalized", emailNormalized)
                .bind("username", username)
                .bind("usernameNormalized", usernameNormalized)
                .bind("hash", passwordHash)
                .map(this::toAccount)
                .one();
    }

    @Override
    public Mono<StoredAccount> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.account WHERE id = :id").bind("id", id)
                .map(this::toAccount).one();
    }

    @Override
    public Mono<ClimberSettings> settingsOf(UUID id) {
        return db.sql("SELECT grade_systems, length_unit, count_top_ropes_and_follows FROM identity.account WHERE id = :id")
                .bind("id", id)
                .map(row -> new ClimberSettings(gradeSystems(row),
                        LengthUnit.bySymbol(row.get("length_unit", String.class)).orElse(LengthUnit.FEET),
                        Boolean.TRUE.equals(row.get("count_top_ropes_and_follows", Boolean.class))))
                .one();
    }

    @Override
    public Mono<StoredAccount> findByLogin(String normalizedLogin) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.account WHERE email_normalized = :login OR username_normalized = :login")
                .bind("login", normalizedLogin)
                .map(this::toAccount).one();
    }

    @Override
    public Mono<StoredAccount> findByEmail(String normalizedEmail) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.account WHERE email_normalized = :email")
                .bind("email", normalizedEmail)
                .map(this::toAccount).one();
    }

    @Override
    public Mono<Boolean> usernameTaken(String normalizedUsername, UUID except) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM identity.account WHERE username_normalized = :name "
                        + "AND id IS DISTINCT FROM :except)")
                .bind("name", normalizedUsername)
                .bind("except", Parameter.fromOrEmpty(except, UUID.class))
                .map(row -> row.get(0, Boolean.class)).one();
    }

    @Override
    public Mono<Boolean> emailTaken(String normalizedEmail) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM identity.account WHERE email_normalized = :email)")
                .bind("email", normalizedEmail)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    @Override
    public Mono<Void> updatePassword(UUID id, String passwordHash) {
        return db.sql("UPDATE identity.account SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .bind("hash", passwordHash).bind("id", id).then();
    }

    @Override
    public Mono<Void> markEmailVerified(UUID id) {
        return db.sql("UPDATE identity.account SET email_verified_at = coalesce(email_verified_at, now()), "
                        + "updated_at = now() WHERE id = :id")
                .bind("id", id).then();
    }

    @Override
    public Mono<Boolean> claimGuest(UUID id, String guestDomain, String email, String emailNormalized, String username,
                                    String usernameNormalized, String passwordHash) {
        // right(): a suffix compared as it is, where LIKE would read the domain's characters as a pattern.
        return db.sql("""
                        UPDATE identity.account
                           SET email = :email, email_normalized = :emailNormalized, username = :username,
                               username_normalized = :usernameNormalized, password_hash = :hash,
                               email_verified_at = NULL, updated_at = now()
                         WHERE id = :id
                           AND right(email_normalized, length(:guestDomain)) = :guestDomain
                           AND NOT EXISTS (SELECT 1 FROM identity.account other
                                            WHERE other.id <> :id
                                              AND (other.email_normalized = :emailNormalized
                                                   OR other.username_normalized = :usernameNormalized))""")
                .bind("email", email).bind("emailNormalized", emailNormalized).bind("username", username)
                .bind("usernameNormalized", usernameNormalized).bind("hash", passwordHash).bind("id", id)
                .bind("guestDomain", guestDomain)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    @Override
    public Mono<Boolean> changeEmail(UUID id, String email, String emailNormalized) {
        return db.sql("""
                        UPDATE identity.account SET email = :email, email_normalized = :normalized, updated_at = now()
                         WHERE id = :id
                           AND NOT EXISTS (SELECT 1 FROM identity.account WHERE email_normalized = :normalized AND id <> :id)""")
                .bind("email", email).bind("normalized", emailNormalized).bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    @Override
    public Mono<Void> updateProfile(UUID id, ProfileChanges changes) {
        return db.sql("""
                        UPDATE identity.account
                           SET username = coalesce(:username, username),
                               username_normalized = coalesce(:usernameNormalized, username_normalized),
                               mountain_project_url = CASE WHEN :mpUrl IS NULL THEN mountain_project_url
                                                           ELSE nullif(:mpUrl, '') END,
                               eight_a_slug = CASE WHEN :slug IS NULL THEN eight_a_slug ELSE nullif(:slug, '') END,
                               grade_systems = coalesce(CAST(:systems AS jsonb), grade_systems),
                               length_unit = coalesce(:lengthUnit, length_unit),
                               count_top_ropes_and_follows = coalesce(:countTopRopes, count_top_ropes_and_follows),
                               updated_at = now()
                         WHERE id = :id""")
                .bind("username", Parameter.fromOrEmpty(changes.username(), String.class))
                .bind("usernameNormalized", Parameter.fromOrEmpty(changes.usernameNormalized(), String.class))
                .bind("mpUrl", Parameter.fromOrEmpty(changes.mountainProjectProfileUrl(), String.class))
                .bind("slug", Parameter.fromOrEmpty(changes.eightAProfileSlug(), String.class))
                .bind("systems", Parameter.fromOrEmpty(
                        changes.gradeSystems() == null ? null : json.writeValueAsString(changes.gradeSystems()), String.class))
                .bind("lengthUnit", Parameter.fromOrEmpty(changes.lengthUnit(), String.class))
                .bind("countTopRopes", Parameter.fromOrEmpty(changes.countTopRopesAndFollowsAsSends(), Boolean.class))
                .bind("id", id)
                .then();
    }

    @Override
    public Mono<Void> setActive(UUID id, boolean active) {
        return db.sql("UPDATE identity.account SET active = :active, updated_at = now() WHERE id = :id")
                .bind("active", active).bind("id", id).then();
    }

    @Override
    public Mono<Void> revokeAccessTokens(UUID id, Instant from) {
        // The NOTIFY goes out when the caller's transaction commits, to every instance
        // (AccessTokenCutoffListener).
        return db.sql("""
                        WITH revoked AS (
                            UPDATE identity.account SET access_tokens_valid_from = :from WHERE id = :id RETURNING id)
                        SELECT pg_notify('%s', CAST(:id AS text) || ' ' || CAST(:millis AS text)) FROM revoked"""
                        .formatted(AccessTokenCutoffs.CHANNEL))
                .bind("id", id).bind("from", from.atOffset(ZoneOffset.UTC)).bind("millis", from.toEpochMilli())
                .then();
    }

    @Override
    public Flux<TokenCutoff> recentAccessTokenCutoffs(java.time.Duration within) {
        return db.sql("""
                        SELECT id, access_tokens_valid_from FROM identity.account
                         WHERE access_tokens_valid_from > now() - CAST(:seconds AS bigint) * interval '1 second'""")
                .bind("seconds", within.toSeconds())
                .map(row -> new TokenCutoff(row.get("id", UUID.class),
                        row.get("access_tokens_valid_from", OffsetDateTime.class).toInstant()))
                .all();
    }

    @Override
    public Mono<Boolean> acceptsAccessTokenIssuedAt(UUID id, Instant issuedAt) {
        return db.sql("SELECT active AND :issuedAt >= access_tokens_valid_from AS accepted FROM identity.account WHERE id = :id")
                .bind("id", id).bind("issuedAt", issuedAt.atOffset(ZoneOffset.UTC))
                .map(row -> Boolean.TRUE.equals(row.get("accepted", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> setTier(UUID id, Tier tier) {
        return db.sql("UPDATE identity.account SET tier = :tier, updated_at = now() WHERE id = :id")
                .bind("tier", tier.name()).bind("id", id).then();
    }

    @Override
    public Mono<Void> recordLogin(UUID id, String clientAddress) {
        return db.sql("""
                        WITH account AS (UPDATE identity.account SET last_login_at = now() WHERE id = :id RETURNING id),
                        forgotten AS (DELETE FROM identity.sign_in_address
                                       WHERE account_id = :id AND address <> :address
                                         AND last_success_at < now() - interval '90 days')
                        INSERT INTO identity.sign_in_address (account_id, address)
                        SELECT id, :address FROM account
                        ON CONFLICT (account_id, address) DO UPDATE SET last_success_at = now()""")
                .bind("id", id).bind("address", clientAddress).then();
    }

    @Override
    public Mono<Boolean> signedInFrom(UUID id, String clientAddress, java.time.Duration within) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM identity.sign_in_address
                                        WHERE account_id = :id AND address = :address
                                          AND last_success_at > now() - CAST(:seconds AS bigint) * interval '1 second')
                            AS known""")
                .bind("id", id).bind("address", clientAddress).bind("seconds", within.toSeconds())
                .map(row -> Boolean.TRUE.equals(row.get("known", Boolean.class)))
                .one();
    }

    @Override
    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM identity.account WHERE id = :id").bind("id", id).then();
    }

    @Override
    public Flux<UUID> guestsCreatedBefore(Instant cutoff, String guestEmailDomain, int limit) {
        return db.sql("""
                        SELECT id FROM identity.account
                        WHERE right(email_normalized, length(:domain)) = :domain AND created_at < :cutoff
                        ORDER BY created_at LIMIT :limit""")
                .bind("domain", guestEmailDomain).bind("cutoff", cutoff.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    private StoredAccount toAccount(Readable row) {
        String[] roles = row.get("roles", String[].class);
        Set<Role> roleSet = roles == null || roles.length == 0 ? EnumSet.of(Role.USER)
                : Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Map<String, String> systems = gradeSystems(row);
        return new StoredAccount(row.get("id", UUID.class), row.get("username", String.class), row.get("email", String.class),
                row.get("password_hash", String.class), Boolean.TRUE.equals(row.get("email_verified", Boolean.class)),
                Tier.valueOf(row.get("tier", String.class)), roleSet, Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("mountain_project_url", String.class), row.get("eight_a_slug", String.class), systems,
                LengthUnit.bySymbol(row.get("length_unit", String.class)).orElse(LengthUnit.FEET),
                Boolean.TRUE.equals(row.get("count_top_ropes_and_follows", Boolean.class)),
                row.get("created_at", OffsetDateTime.class), Boolean.TRUE.equals(row.get("two_step", Boolean.class)));
    }

    private Map<String, String> gradeSystems(Readable row) {
        return json.readValue(row.get("grade_systems", String.class), new TypeReference<Map<String, String>>() { });
    }

    @Override
    public Mono<Void> lockSignIns(UUID id) {
        return db.sql("SELECT id FROM identity.account WHERE id = :id FOR UPDATE").bind("id", id).then();
    }

    @Override
    public Mono<Void> forgetSignInAddresses(UUID id) {
        return db.sql("DELETE FROM identity.sign_in_address WHERE account_id = :id").bind("id", id).then();
    }
}
