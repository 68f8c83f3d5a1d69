package dev.cruxlog.identity.application;

import java.time.Duration;
import java.util.UUID;

import dev.cruxlog.identity.application.IdentityErrors.InvalidLink;
import dev.cruxlog.identity.application.IdentityErrors.WrongPassword;
import dev.cruxlog.identity.application.OneTimeTokens.Purpose;
import dev.cruxlog.identity.domain.EmailAddress;
import dev.cruxlog.identity.domain.InvalidAccountInput;
import dev.cruxlog.identity.domain.PasswordPolicy;
import dev.cruxlog.identity.domain.SecretToken;
import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Forgotten and changed passwords. A reset link is single-use, lives one hour, is stored
 * only as a hash, and using it signs the account out everywhere and tells the owner.
 */
@Service
public class PasswordService {

    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);

    private final UserAccounts accounts;
    private final OneTimeTokens links;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final RandomTokens random;
    private final WebSessions sessions;
    private final RefreshTokens refreshTokens;
    private final Mailer mailer;
    private final TransactionalOperator transaction;
    private final IdentityProperties properties;

    public PasswordService(UserAccounts accounts, OneTimeTokens links, PasswordHasher hasher, PasswordPolicy policy,
                           RandomTokens random, WebSessions sessions, RefreshTokens refreshTokens, Mailer mailer,
                           TransactionalOperator transaction, IdentityProperties properties) {
        this.accounts = accounts;
        this.links = links;
        this.hasher = hasher;
        this.policy = policy;
        this.random = random;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.mailer = mailer;
        this.transaction = transaction;
        this.properties = properties;
    }

    /**
     * Always completes the same way, known address or not; only a known, active account
     * gets an email. Both paths draw a token, so they cost about the same.
     */
    public Mono<Void> requestReset(String emailInput) {
        String normalized;
        try {
            normalized = new EmailAddress(emailInput).normalized();
        } catch (InvalidAccountInput e) {
            return Mono.empty();
        }
        return random.next().flatMap(token -> accounts.findByEmail(normalized)
                .filter(StoredAccount::active)
                .flatMap(account -> transaction.transactional(
                        links.invalidateAll(account.id(), Purpose.RESET_PASSWORD)
                                .then(links.insert(token.hash(), account.id(), Purpose.RESET_PASSWORD, null,
                                        RESET_LINK_LIFETIME))
                                .then(mailer.queue(new Email(account.email(), EmailTemplate.PASSWORD_RESET,
                                        account.username(), properties.link("/reset-password?token=" + token.value()),
                                        account.id()))))));
    }

    public Mono<Void> confirmReset(String token, String newPassword) {
        if (token == null || token.isBlank()) {
            return Mono.error(new InvalidLink());
        }
        return Mono.defer(() -> {
            policy.check("password", newPassword);
            return hasher.hash(newPassword);
        }).flatMap(hash -> transaction.transactional(links.consume(SecretToken.hash(token), Purpose.RESET_PASSWORD)
                .switchIfEmpty(Mono.error(new InvalidLink()))
                .flatMap(consumed -> accounts.findById(consumed.accountId())
                        .flatMap(account -> replacePassword(account, hash, null)))));
    }

    /**
     * Changes the password of a signed-in climber. Every other session and every API
     * refresh token is revoked; the session in {@code keptSessionHash} (the one asking) stays.
     */
    public Mono<Void> changePassword(UUID accountId, String currentPassword, String newPassword, byte[] keptSessionHash) {
        return accounts.findById(accountId)
                .flatMap(account -> hasher.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())
                        .flatMap(matches -> {
                            if (!matches) {
                                return Mono.error(new WrongPassword());
                            }
                            policy.check("newPassword", newPassword, account.username(), account.email());
                            return hasher.hash(newPassword)
                                    .flatMap(hash -> transaction.transactional(replacePassword(account, hash, keptSessionHash)));
                        }));
    }

    private Mono<Void> replacePassword(StoredAccount account, String hash, byte[] keptSessionHash) {
        Mono<Void> signOut = keptSessionHash == null ? sessions.deleteAllFor(account.id())
                : sessions.deleteAllForExcept(account.id(), keptSessionHash);
        return accounts.updatePassword(account.id(), hash)
                .then(signOut)
                .then(refreshTokens.revokeAllFor(account.id()))
                .then(links.invalidateAll(account.id(), Purpose.RESET_PASSWORD))
                .then(mailer.queue(new Email(account.email(), EmailTemplate.PASSWORD_CHANGED, account.username(),
                        properties.link("/forgot-password"), account.id())));
    }
}
