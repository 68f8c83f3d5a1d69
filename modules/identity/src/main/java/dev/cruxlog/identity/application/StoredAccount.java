package dev.cruxlog.identity.application;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.cruxlog.identity.AccountView;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.LengthUnit;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;

/** An account row, password hash included: never leaves the application layer. */
public record StoredAccount(UUID id, String username, String email, String passwordHash, boolean emailVerified,
                            Tier tier, Set<Role> roles, boolean active, String mountainProjectProfileUrl,
                            String eightAProfileSlug, Map<String, String> gradeSystems, LengthUnit lengthUnit,
                            OffsetDateTime createdAt) {

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, email, emailVerified, tier, roles);
    }

    public AccountView toView() {
        return new AccountView(id, username, email, emailVerified, tier, roles, active, mountainProjectProfileUrl,
                eightAProfileSlug, gradeSystems, lengthUnit, createdAt);
    }
}
