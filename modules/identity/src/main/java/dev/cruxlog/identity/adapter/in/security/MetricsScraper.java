package dev.cruxlog.identity.adapter.in.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A metrics scraper that presented {@code METRICS_TOKEN}: may read /actuator/prometheus and
 * nothing else. It is not a climber (no {@code ROLE_USER}), so every other authenticated path
 * refuses it.
 */
final class MetricsScraper extends AbstractAuthenticationToken {

    static final String AUTHORITY = "SCRAPE_METRICS";

    MetricsScraper() {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "metrics-scraper";
    }
}
