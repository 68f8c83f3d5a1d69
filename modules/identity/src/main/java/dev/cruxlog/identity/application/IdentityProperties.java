package dev.cruxlog.identity.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl            where users reach Cruxlog; links in emails start with it
 * @param bcryptStrength       bcrypt cost; 12 or more in production (OWASP), lower only in tests
 * @param tokenSecret          base64 HMAC key for access tokens (at least 32 bytes); generated and
 *                             kept in the database when empty, so every instance shares it
 * @param accessTokenLifetime  how long an API access token is valid
 * @param refreshTokenLifetime how long an unused refresh token stays valid
 * @param sessionLifetime      how long a page session lasts without being used
 * @param sessionMaxLifetime   how long a page session or an API sign-in (a refresh token family)
 *                             lasts at most, used or not, before the password is asked again
 * @param secureCookies        force the Secure flag on cookies even when TLS ends at a proxy
 */
@ConfigurationProperties("cruxlog.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("12") int bcryptStrength,
        String tokenSecret,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue("14d") Duration sessionLifetime,
        @DefaultValue("30d") Duration sessionMaxLifetime,
        @DefaultValue("false") boolean secureCookies) {

    public String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
