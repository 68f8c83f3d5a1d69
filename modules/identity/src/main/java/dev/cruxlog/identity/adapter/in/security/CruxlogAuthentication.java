package dev.cruxlog.identity.adapter.in.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.Tier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request, whichever way it proved itself. The principal is always a
 * {@link CurrentUser}; authorities are {@code ROLE_USER}/{@code ROLE_ADMIN} and
 * {@code TIER_FREE}/{@code TIER_PREMIUM}.
 */
class CruxlogAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    /** When the access token was issued; null for a page session (checked on every request). */
    private final Instant tokenIssuedAt;

    CruxlogAuthentication(CurrentUser user) {
        this(user, null);
    }

    CruxlogAuthentication(CurrentUser user, Instant tokenIssuedAt) {
        super(authoritiesOf(user));
        this.user = user;
        this.tokenIssuedAt = tokenIssuedAt;
        setAuthenticated(true);
    }

    Instant tokenIssuedAt() {
        return tokenIssuedAt;
    }

    private static List<GrantedAuthority> authoritiesOf(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        authorities.add(new SimpleGrantedAuthority("TIER_" + user.tier().name()));
        if (user.tier() == Tier.PREMIUM || user.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("TIER_PREMIUM"));
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
