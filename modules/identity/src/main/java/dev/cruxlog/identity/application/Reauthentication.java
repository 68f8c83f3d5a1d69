package dev.cruxlog.identity.application;

import java.util.UUID;

import dev.cruxlog.identity.application.IdentityErrors.WrongPassword;
import dev.cruxlog.identity.domain.LoginThrottle;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The current password, asked again of a signed-in climber before a change that matters (the
 * password, the email address, deactivation, deletion). Failures are throttled per account
 * ({@link LoginThrottle#PASSWORD_CONFIRMATION}), counted before hashing as at sign-in: whoever
 * holds a stolen session or access token gets five guesses a quarter of an hour, not as many
 * as bcrypt can check.
 */
@Service
public class Reauthentication {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final Throttling throttling;

    public Reauthentication(UserAccounts accounts, PasswordHasher hasher, Throttling throttling) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttling = throttling;
    }

    /** The account when {@code password} is its password; {@link WrongPassword} or {@code TooManyAttempts} if not. */
    public Mono<StoredAccount> confirm(UUID accountId, String password) {
        // An account that is gone confirms nothing (empty, so WrongPassword): without this the
        // caller's next step ran unchecked.
        return throttling.guess(LoginThrottle.PASSWORD_CONFIRMATION, accountId.toString(),
                accounts.findById(accountId).filterWhen(account ->
                        hasher.matches(password == null ? "" : password, account.passwordHash())),
                WrongPassword::new);
    }
}
