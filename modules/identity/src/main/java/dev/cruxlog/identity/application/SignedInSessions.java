package dev.cruxlog.identity.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import dev.cruxlog.identity.application.IdentityErrors.UnknownAccount;
import dev.cruxlog.identity.application.IdentityErrors.UnknownSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where an account is signed in, and ending that (ASVS 7.5.2, 7.4.5): its page sessions
 * (browsers) and its API sign-ins (refresh token families), seen by the climber, who ends one
 * after giving the password again, and ended all at once by an administrator.
 */
@Service
public class SignedInSessions {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    /** A browser session or an API client's sign-in. */
    public enum Kind { PAGE, API }

    /**
     * @param current whether it is the session asking (known for pages; an API client's own
     *                sign-in is not told apart from its others)
     */
    public record SignedInSession(UUID id, Kind kind, Instant startedAt, Instant lastSeenAt, Instant expiresAt,
                                  String userAgent, String clientAddress, boolean current) {
    }

    private final WebSessions sessions;
    private final RefreshTokens refreshTokens;
    private final UserAccounts accounts;
    private final Reauthentication reauthentication;
    private final IdentityProperties properties;
    private final TransactionalOperator transaction;
    private final AccessTokenCutoffs cutoffs;
    private final SignInChallenges challenges;

    public SignedInSessions(WebSessions sessions, RefreshTokens refreshTokens, UserAccounts accounts,
                            Reauthentication reauthentication, IdentityProperties properties,
                            TransactionalOperator transaction, AccessTokenCutoffs cutoffs, SignInChallenges challenges) {
        this.challenges = challenges;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.reauthentication = reauthentication;
        this.properties = properties;
        this.transaction = transaction;
        this.cutoffs = cutoffs;
    }

    /** Most recently used first; {@code currentSessionHash} marks the asking browser's session. */
    public Flux<SignedInSession> list(UUID accountId, byte[] currentSessionHash) {
        Flux<SignedInSession> pages = sessions.listFor(accountId, currentSessionHash, properties.sessionMaxLifetime())
                .map(s -> new SignedInSession(s.id(), Kind.PAGE, s.startedAt(), s.lastSeenAt(), s.expiresAt(),
                        s.userAgent(), s.clientAddress(), s.current()));
        Flux<SignedInSession> api = refreshTokens.liveFamilies(accountId)
                .map(f -> new SignedInSession(f.familyId(), Kind.API, f.startedAt(), f.lastUsedAt(), f.expiresAt(),
                        null, null, false));
        return Flux.concat(pages, api).sort(Comparator.comparing(SignedInSession::lastSeenAt).reversed());
    }

    /**
     * Ends one of the climber's sessions, after the password. An API sign-in's refresh tokens
     * are revoked and the account's access tokens issued so far stop writing (the others
     * refresh theirs), as at API sign-out.
     */
    public Mono<Void> end(UUID accountId, String password, UUID sessionId) {
        return reauthentication.confirm(accountId, password)
                .then(sessions.deleteOne(accountId, sessionId))
                .flatMap(page -> page ? Mono.just(true) : refreshTokens.revokeFamilyOf(accountId, sessionId)
                        .flatMap(api -> api ? cutoffs.cut(accountId).thenReturn(true)
                                : Mono.just(false)))
                .flatMap(ended -> ended ? Mono.<Void>empty() : Mono.error(new UnknownSession()));
    }

    /** Every session but the asking browser's, after the password. */
    public Mono<Void> endOthers(UUID accountId, String password, byte[] keptSessionHash) {
        return reauthentication.confirm(accountId, password)
                .then(transaction.transactional(signOutEverywhere(accountId, keptSessionHash)));
    }

    /** An administrator signs an account out everywhere: pages, API sign-ins, access tokens. */
    public Mono<Void> endEverywhere(UUID administrator, UUID accountId) {
        return accounts.findById(accountId)
                .switchIfEmpty(Mono.error(new UnknownAccount()))
                .flatMap(account -> transaction.transactional(signOutEverywhere(accountId, null)))
                .doOnSuccess(done -> log.info("Administrator {} signed account {} out everywhere", administrator, accountId));
    }

    /**
     * Every page session (but {@code keptSessionHash}'s, when given), every API sign-in, every
     * sign-in waiting for its code and every access token issued so far end: for password changes
     * and resets, two-step sign-in turned on or off or given new recovery codes, deactivation, and
     * the two above. Runs in the caller's transaction, which must be one: the account's row stays
     * locked until it ends, so a refresh token rotated at the same moment is revoked too.
     */
    public Mono<Void> signOutEverywhere(UUID accountId, byte[] keptSessionHash) {
        return accounts.lockSignIns(accountId)
                .then(keptSessionHash == null ? sessions.deleteAllFor(accountId) : sessions.deleteAllForExcept(accountId, keptSessionHash))
                .then(refreshTokens.revokeAllFor(accountId))
                // A password given before this change must not finish signing in with a code after it.
                .then(challenges.deleteAllFor(accountId))
                .then(cutoffs.cut(accountId));
    }
}
