package dev.cruxlog.identity;

import java.util.Set;
import java.util.UUID;

import dev.cruxlog.platform.web.SignedInUser;

/**
 * The signed-in climber, as every module's controllers receive it
 * ({@code @AuthenticationPrincipal CurrentUser user}), whether they came with a session
 * cookie or a bearer token. Scope every query by {@link #id()}.
 *
 * <p>Deliberately not a {@code java.security.Principal}: WebFlux would then inject the whole
 * {@code Authentication} into such parameters instead of this record.
 */
public record CurrentUser(UUID id, String username, String email, boolean emailVerified, Tier tier, Set<Role> roles)
        implements SignedInUser {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public String displayName() {
        return username;
    }

    @Override
    public boolean needsEmailVerification() {
        return !emailVerified;
    }

    /**
     * Every guest's address ends so ("Try it with a sample logbook"); no real address can, as
     * RFC 2606 reserves .invalid.
     */
    public static final String GUEST_EMAIL_DOMAIN = "@guest.cruxlog.invalid";

    /** A sample logbook's visitor, until they keep it as an account of their own. */
    public boolean isGuest() {
        return email != null && email.endsWith(GUEST_EMAIL_DOMAIN);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
