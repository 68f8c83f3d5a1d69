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

/** An account row, password hash included: never leaves the application layer. {@code twoStep}: a confirmed TOTP key. */
public record StoredAccount(UUID id, String username, String email, String passwordHash, boolean emailVerified,
                            Tier tier, Set<Role> roles, boolean active, String mountainProjectProfileUrl,
                            String eightAProfileSlug, Map<String, String> gradeSystems, LengthUnit lengthUnit,
                            boolean countTopRopesAndFollowsAsSends, OffsetDateTime createdAt, boolean twoStep) {

    /**
     * Who is signed in. Administration takes two-step sign-in (ASVS 6.3.3): without it the
     * account acts as the climber it also is, whatever its roles say.
     */
    public CurrentUser toCurrentUser() {
        Set<Role> acting = twoStep || !roles.contains(Role.ADMIN) ? roles
                : roles.stream().filter(role -> role != Role.ADMIN).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new CurrentUser(id, username, email, emailVerified, tier, acting);
    }

    public AccountView toView() {
        return new AccountView(id, username, email, emailVerified, tier, roles, active, mountainProjectProfileUrl,
                eightAProfileSlug, gradeSystems, lengthUnit, countTopRopesAndFollowsAsSends, createdAt);
    }
}
