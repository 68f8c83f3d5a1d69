package dev.cruxlog.platform.accounts;

import java.util.UUID;

/** An account is being deleted: every row owned by {@code ownerId} must go. */
public record AccountErased(UUID ownerId) {
}
