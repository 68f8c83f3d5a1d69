package dev.cruxlog.identity.application;

import java.util.UUID;

/**
 * What a sign-up led to. The API answers both alike; the sign-up page signs a new climber in and
 * tells the other to check their inbox, where the address's owner finds an "account exists" mail.
 */
public sealed interface Registration {

    record Created(UUID accountId) implements Registration {
    }

    /** The address already has an account: nothing was created, its owner was told. */
    record AddressKnown() implements Registration {
    }
}
