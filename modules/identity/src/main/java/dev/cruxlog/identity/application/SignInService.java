package dev.cruxlog.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.application.IdentityErrors.BadCredentials;
import dev.cruxlog.identity.application.IdentityErrors.InvalidRefreshToken;
import dev.cruxlog.identity.application.IdentityErrors.SignInExpired;
import dev.cruxlog.identity.domain.LoginThrottle;
import dev.cruxlog.identity.domain.LoginThrottle.Limit;
import dev.cruxlog.identity.domain.SecretToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Proving who you are, and staying signed in: throttled password checks, the second step of
 * accounts with two-step sign-in, page sessions, and API token pairs with refresh-token
 * rotation and reuse detection.
 */
@Service
public class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final Throttling throttling;
    private final WebSessions sessions;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final RandomTokens random;
    private final TransactionalOperator transaction;
    private final IdentityProperties properties;
    private final Clock clock;
    private final AccessTokenCutoffs cutoffs;
    private final SignInChallenges challenges;
    private final SecondFactors secondFactors;

    public SignInService(UserAccounts accounts, PasswordHasher hasher, Throttling throttling, WebSessions sessions,
                         RefreshTokens refreshTokens, AccessTokens accessTokens, RandomTokens random,
                         TransactionalOperator transaction, IdentityProperties properties, Clock clock,
                         AccessTokenCutoffs cutoffs, SignInChallenges challenges, SecondFactors secondFactors) {
        this.cutoffs = cutoffs;
        this.challenges = challenges;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttling = throttling;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.random = random;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long a right password waits for the code of an account with two-step sign-in. */
    public static final Duration SECOND_STEP_LIFETIME = Duration.ofMinutes(5);

    /**
     * Checks a login (email or username) and password. Unknown accounts cost the same
     * password-hash work as known ones, and every failure looks the same to the caller. A right
     * password signs the climber in, or, when the account has two-step sign-in, answers a
     * challenge for {@link #completeSignIn} and nothing more.
     */
    public Mono<SignInOutcome> authenticate(String login, String password, String clientAddress) {
        String normalized = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        String secret = password == null ? "" : password;
        return accounts.findByLogin(normalized).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(account -> ownersAddress(account, clientAddress).flatMap(owners -> {
                    List<Counted> counters = counters(account, normalized, clientAddress, owners);
                    return countAttempts(counters)
                            .then(account.map(known -> hasher.matches(secret, known.passwordHash())
                                            .map(matches -> matches && known.active() ? account : Optional.<StoredAccount>empty()))
                                    .orElseGet(() -> hasher.matchesNothing(secret).thenReturn(Optional.empty())))
                            .flatMap(found -> found.isPresent()
                                    // A success clears the account + address window and takes its attempt back elsewhere.
                                    ? throttling.clear(counters.get(0).limit(), counters.get(0).counted())
                                            .thenMany(Flux.fromIterable(counters.subList(1, counters.size()))
                                                    .concatMap(c -> throttling.uncount(c.limit(), c.counted())))
                                            .then(found.get().twoStep() ? challenge(found.get())
                                                    : signedIn(found.get(), clientAddress))
                                    : Mono.<SignInOutcome>error(new BadCredentials()));
                }));
    }

    /**
     * The second step: a code from the account's authenticator app, or a recovery code, for a
     * challenge {@link #authenticate} answered. Wrong codes are throttled per account; the
     * challenge is used up by the first right code, and expires after {@link #SECOND_STEP_LIFETIME}.
     */
    public Mono<CurrentUser> completeSignIn(String challenge, String code, String clientAddress) {
        if (challenge == null || challenge.isBlank() || challenge.length() > 100) {
            return Mono.error(new SignInExpired());
        }
        byte[] hash = SecretToken.hash(challenge);
        return challenges.accountOf(hash)
                .switchIfEmpty(Mono.error(new SignInExpired()))
                // The code is spent before the challenge: of two submissions of one right code, the
                // second finds the code used (a recovery code is then gone, as it would be anyway).
                .flatMap(accountId -> secondFactors.verify(accountId, code)
                        .then(challenges.consume(hash))
                        .flatMap(consumed -> consumed ? accounts.findById(accountId) : Mono.<StoredAccount>empty()))
                .filter(StoredAccount::active)
                .switchIfEmpty(Mono.error(new SignInExpired()))
                .flatMap(account -> recordSignIn(account, clientAddress));
    }

    private Mono<SignInOutcome> signedIn(StoredAccount account, String clientAddress) {
        return recordSignIn(account, clientAddress).map(SignInOutcome.SignedIn::new);
    }

    /** The address becomes one the owner signs in from only once the whole sign-in succeeded. */
    private Mono<CurrentUser> recordSignIn(StoredAccount account, String clientAddress) {
        return accounts.recordLogin(account.id(), clientAddress).thenReturn(account.toCurrentUser());
    }

    private Mono<SignInOutcome> challenge(StoredAccount account) {
        return random.next().flatMap(token -> challenges.insert(token.hash(), account.id(), SECOND_STEP_LIFETIME)
                .thenReturn(new SignInOutcome.CodeNeeded(token, SECOND_STEP_LIFETIME)));
    }

    /**
     * The counters an attempt is counted under. An account is counted by its id, so its username
     * and email share one counter; an unknown login by what was typed. The per-account limit is
     * left out for an address the owner signed in from recently: an attacker elsewhere can keep
     * that counter full, and must not lock the owner out with it (ASVS 6.1.1); the account +
     * address and address limits still hold there.
     */
    private static List<Counted> counters(Optional<StoredAccount> account, String normalized, String clientAddress,
                                          boolean ownersAddress) {
        String accountKey = account.map(known -> known.id().toString()).orElse(normalized);
        List<Counted> counters = new java.util.ArrayList<>(3);
        counters.add(new Counted(LoginThrottle.ACCOUNT_AND_ADDRESS, accountKey + "|" + clientAddress));
        if (!ownersAddress) {
            counters.add(new Counted(LoginThrottle.ACCOUNT, accountKey));
        }
        counters.add(new Counted(LoginThrottle.ADDRESS, clientAddress));
        return counters;
    }

    /** An id no account has (UUID 0: ids are random version 4). */
    private static final UUID NOBODY = new UUID(0, 0);

    /** The same query for an unknown login (with an id nobody has), so timing does not tell the two apart. */
    private Mono<Boolean> ownersAddress(Optional<StoredAccount> account, String clientAddress) {
        UUID id = account.map(StoredAccount::id).orElse(NOBODY);
        return clientAddress == null ? Mono.just(false)
                : accounts.signedInFrom(id, clientAddress, LoginThrottle.OWNERS_ADDRESS_MEMORY)
                        .map(known -> known && account.isPresent());
    }

    /**
     * Counts this attempt under every limit before any password work, and refuses it when one
     * had already been reached. Counting first and atomically is what makes the limit hold for
     * concurrent guesses (40 at once used to all reach the password check).
     */
    private Mono<Void> countAttempts(List<Counted> counters) {
        return Flux.fromIterable(counters)
                .concatMap(c -> throttling.count(c.limit(), c.counted()))
                .reduce(Duration.ZERO, (a, b) -> a.compareTo(b) >= 0 ? a : b)
                .flatMap(Throttling::refuseWhenWaiting);
    }

    private record Counted(Limit limit, String counted) {
    }

    // --- page sessions --------------------------------------------------------------

    /** Opens a page session; the returned secret goes into the cookie and nowhere else. */
    public Mono<SecretToken> openSession(UUID accountId, String userAgent, String clientAddress) {
        return random.next().flatMap(token -> sessions.create(token.hash(), accountId, properties.sessionLifetime(),
                truncate(userAgent, 300), truncate(clientAddress, 100)).thenReturn(token));
    }

    public Mono<CurrentUser> resolveSession(String cookieValue) {
        return sessions.resolve(SecretToken.hash(cookieValue), properties.sessionLifetime(),
                        properties.sessionMaxLifetime())
                .flatMap(accounts::findById)
                .filter(StoredAccount::active)
                .map(StoredAccount::toCurrentUser);
    }

    public Mono<Void> closeSession(String cookieValue) {
        return sessions.delete(SecretToken.hash(cookieValue));
    }

    // --- API tokens -----------------------------------------------------------------

    public record TokenPair(String accessToken, String refreshToken, Duration accessTokenLifetime) {
    }

    public Mono<TokenPair> issueTokens(CurrentUser user) {
        return random.nextId().flatMap(familyId -> issue(user, familyId));
    }

    private Mono<TokenPair> issue(CurrentUser user, UUID familyId) {
        return random.next().flatMap(refresh -> refreshTokens.insert(refresh.hash(), familyId, user.id(),
                        properties.refreshTokenLifetime(), properties.sessionMaxLifetime())
                .then(accessTokens.issue(user, properties.accessTokenLifetime()))
                .map(access -> new TokenPair(access, refresh.value(), properties.accessTokenLifetime())));
    }

    /**
     * Trades a refresh token for a new pair. A token already traded means it leaked (or
     * the client is confused): the whole family is revoked, so the thief's copy dies too.
     */
    public Mono<TokenPair> refresh(String presented) {
        if (presented == null || presented.isBlank()) {
            return Mono.error(new InvalidRefreshToken());
        }
        byte[] hash = SecretToken.hash(presented);
        return refreshTokens.find(hash)
                .switchIfEmpty(Mono.error(new InvalidRefreshToken()))
                .flatMap(stored -> {
                    if (stored.revoked() || stored.expiresAt().toInstant().isBefore(clock.instant())) {
                        return Mono.error(new InvalidRefreshToken());
                    }
                    if (stored.spent()) {
                        log.warn("Refresh token reuse for account {}: revoking its token family", stored.accountId());
                        return refreshTokens.revokeFamily(stored.familyId()).then(Mono.error(new InvalidRefreshToken()));
                    }
                    // The account's lock orders this rotation and a concurrent sign-out everywhere. Lost to
                    // another rotation of the same token: reuse, and the revocation must commit, so the
                    // refusal is raised after the transaction, not inside it (an error would roll it back).
                    return transaction.transactional(accounts.lockSignIns(stored.accountId()).then(refreshTokens.spend(hash))
                                    .flatMap(spent -> spent
                                            ? accounts.findById(stored.accountId()).filter(StoredAccount::active)
                                                    .switchIfEmpty(Mono.error(new InvalidRefreshToken()))
                                                    .flatMap(account -> issue(account.toCurrentUser(), stored.familyId()))
                                                    .map(Optional::of)
                                            : refreshTokens.revokeFamily(stored.familyId()).thenReturn(Optional.<TokenPair>empty())))
                            .flatMap(rotated -> rotated.map(Mono::just).orElseGet(() -> Mono.error(new InvalidRefreshToken())));
                });
    }

    /** Signs an API client out: its refresh token family stops working. */
    public Mono<Void> revoke(String presented) {
        if (presented == null || presented.isBlank()) {
            return Mono.empty();
        }
        // Signing out also ends the access tokens issued so far (other devices refresh theirs).
        return refreshTokens.find(SecretToken.hash(presented))
                .flatMap(stored -> refreshTokens.revokeFamily(stored.familyId())
                        .then(cutoffs.cut(stored.accountId())));
    }

    /**
     * Whether an access token issued at that time may still change anything for the account:
     * it exists, is active, and has not revoked its tokens since (sign-out, password change).
     * Checked for writes, so a deleted or deactivated account writes nothing more at once.
     */
    public Mono<Boolean> acceptsAccessToken(UUID accountId, Instant issuedAt) {
        return accounts.acceptsAccessTokenIssuedAt(accountId, issuedAt);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
