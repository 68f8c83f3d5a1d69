package dev.cruxlog.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The accounts whose access tokens were ended in the last token lifetime (sign-out, password
 * change or reset, deactivation, deletion, an administrator's sign-out), with the instant before
 * which their tokens no longer count, held in memory by every instance so that reads, like
 * writes, refuse such a token at once without a database round trip on the hot path (ASVS 7.4.1,
 * 7.4.2). Every instance learns of a cutoff through PostgreSQL {@code NOTIFY} (the listener
 * fills this) and the instance that made it records it directly; after a lost connection the
 * listener reloads the recent cutoffs from the accounts table.
 * <p>
 * Bounded by time, not count: a cutoff older than the access-token lifetime (and the decoder's
 * clock skew) is dropped at each {@link #reload()}, as every token issued before it has expired by then. The instance that
 * makes a cutoff records it before its transaction commits; if that transaction rolls back, this
 * instance alone refuses the account's older tokens until they expire (the safe direction).
 */
@Service
public class AccessTokenCutoffs {

    /** The PostgreSQL channel cutoffs are announced on: "account-id epoch-millis". */
    public static final String CHANNEL = "cruxlog_token_cutoffs";

    private final Map<UUID, Instant> cutoffs = new ConcurrentHashMap<>();
    private final UserAccounts accounts;
    private final IdentityProperties properties;
    private final Clock clock;

    public AccessTokenCutoffs(UserAccounts accounts, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Ends every access token of the account issued until now: the one way to do it, for
     * sign-out, password changes, deactivation, deletion and administrators alike. Stored (and
     * announced to every instance when the caller's transaction commits), and recorded here at once.
     */
    public Mono<Void> cut(UUID accountId) {
        Instant now = clock.instant();
        return accounts.revokeAccessTokens(accountId, now).then(Mono.fromRunnable(() -> record(accountId, now)));
    }

    /** Tokens of {@code accountId} issued before {@code cutoff} stop counting. */
    public void record(UUID accountId, Instant cutoff) {
        cutoffs.merge(accountId, cutoff, (known, added) -> added.isAfter(known) ? added : known);
    }

    /** What the accounts table holds of the last {@link #memory()}: after a listener was away, or to be sure. */
    public Mono<Void> reload() {
        forgetExpired();
        return accounts.recentAccessTokenCutoffs(memory()).doOnNext(recent -> record(recent.accountId(), recent.cutoff()))
                .then();
    }

    /** Whether a token of the account issued at {@code issuedAt} was ended. */
    public boolean refuses(UUID accountId, Instant issuedAt) {
        Instant cutoff = cutoffs.get(accountId);
        return cutoff != null && issuedAt.isBefore(cutoff);
    }

    /**
     * How long a cutoff matters: a token's lifetime, plus the minute of clock skew Spring's JWT
     * decoder allows past a token's expiry.
     */
    public java.time.Duration memory() {
        return properties.accessTokenLifetime().plus(TOKEN_CLOCK_SKEW);
    }

    /** Spring Security's default leeway on "exp" ({@code JwtTimestampValidator}). */
    static final java.time.Duration TOKEN_CLOCK_SKEW = java.time.Duration.ofSeconds(60);

    /** Drops cutoffs no living token can be older than. */
    public void forgetExpired() {
        Instant oldestLivingToken = clock.instant().minus(memory());
        cutoffs.values().removeIf(cutoff -> cutoff.isBefore(oldestLivingToken));
    }

    int size() {
        return cutoffs.size();
    }
}
