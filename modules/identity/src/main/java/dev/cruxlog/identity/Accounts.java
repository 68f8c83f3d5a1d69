package dev.cruxlog.identity;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Identity's API for other modules: who an account is and what it may do, without
 * reading identity's tables.
 */
public interface Accounts {

    Mono<AccountView> find(UUID accountId);

    /** "May this user do X": premium features ask this. Admins have every tier's rights. */
    Mono<Boolean> hasTier(UUID accountId, Tier tier);

    /** Billing's lever: only from verified payment-provider state, never from a user request. */
    Mono<Void> changeTier(UUID accountId, Tier tier);
}
