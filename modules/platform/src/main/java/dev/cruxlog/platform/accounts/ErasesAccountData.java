package dev.cruxlog.platform.accounts;

import reactor.core.publisher.Mono;

/**
 * Implemented once per module that stores data owned by an account. Runs inside the
 * transaction that deletes the account; an error rolls the whole deletion back.
 */
public interface ErasesAccountData {

    /** For logs: which module's data this erases. */
    String module();

    Mono<Void> erase(AccountErased event);
}
