package dev.cruxlog.identity.adapter.in.security;

import java.time.Duration;
import java.util.Optional;

import dev.cruxlog.identity.application.IdentityProperties;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page-session cookie: HttpOnly (scripts never see it), SameSite=Lax (not sent on
 * cross-site form posts), Secure whenever the request came over TLS (directly or through
 * a proxy that says so) or {@code cruxlog.identity.secure-cookies} is set.
 */
@Component
public class SessionCookies {

    public static final String NAME = "CRUXLOG_SESSION";
    /** Exchange attribute holding the raw session secret of the current request, if any. */
    public static final String CURRENT_SESSION = SessionCookies.class.getName() + ".session";

    private final IdentityProperties properties;

    SessionCookies(IdentityProperties properties) {
        this.properties = properties;
    }

    public Optional<String> read(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    /** The hash of the asking browser's session secret (to mark or keep that session), or null for an API client. */
    public static byte[] currentSessionHash(ServerWebExchange exchange) {
        String session = exchange.getAttribute(CURRENT_SESSION);
        return session == null ? null : dev.cruxlog.identity.domain.SecretToken.hash(session);
    }

    public void write(ServerWebExchange exchange, String secret) {
        exchange.getResponse().addCookie(cookie(exchange, secret, properties.sessionLifetime()));
    }

    public void clear(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
    }

    private ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
        boolean secure = properties.secureCookies() || exchange.getRequest().getSslInfo() != null
                || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(secure).sameSite("Lax").path("/").maxAge(maxAge)
                .build();
    }
}
