package dev.cruxlog.identity.application;

import dev.cruxlog.identity.application.BreachedPasswords.Verdict;
import dev.cruxlog.identity.domain.InvalidAccountInput;
import dev.cruxlog.identity.domain.PasswordPolicy;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Every new password (sign-up, change, reset) goes through the policy, then the breach corpus:
 * the policy first, so a password it refuses never leaves the process, not even as five
 * characters of a hash.
 */
@Service
public class PasswordScreening {

    static final String BREACHED_MESSAGE = "This password appears in known data breaches, so attackers try it first. "
            + "Choose another; a few unrelated words work well.";

    private final PasswordPolicy policy;
    private final BreachedPasswords breached;

    public PasswordScreening(PasswordPolicy policy, BreachedPasswords breached) {
        this.policy = policy;
        this.breached = breached;
    }

    /** Completes when the password may be used; {@link InvalidAccountInput} on {@code field} if not. */
    public Mono<Void> check(String field, String password, String... personalWords) {
        return Mono.fromRunnable(() -> policy.check(field, password, personalWords))
                .then(Mono.defer(() -> breached.check(password)))
                .flatMap(verdict -> verdict == Verdict.BREACHED
                        ? Mono.error(new InvalidAccountInput(field, BREACHED_MESSAGE))
                        : Mono.empty());
    }
}
