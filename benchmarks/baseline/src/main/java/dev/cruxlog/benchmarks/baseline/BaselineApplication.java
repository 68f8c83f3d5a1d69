package dev.cruxlog.benchmarks.baseline;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The blocking baseline: {@code GET /api/v1/logbook/ticks} served thread-per-request by Spring
 * MVC over JDBC (HikariCP, the same pool size as Cruxlog). Two modes, chosen by the
 * environment variable {@code BASELINE_MODE}:
 * <ul>
 *   <li>{@code lean} (default, {@link LeanTicksController}): the floor of what blocking costs -
 *       a hand-rolled HMAC check of the token, a plain row query, a map per row written by
 *       Jackson; no Spring Security at all;</li>
 *   <li>{@code fair} ({@link FairSecurityConfiguration}, {@link FairTicksController},
 *       {@link CoachRelayController}): the same work per request as Cruxlog - Spring Security's
 *       resource server verifying the HS256 bearer token with Nimbus (issuer {@code cruxlog}),
 *       the request id filter, the {@code http.server.requests} timer (actuator, Prometheus) as
 *       Cruxlog records it, {@code benchmarks/sql/ticks-page.sql} (PostgreSQL builds the
 *       page's JSON, written through unparsed) - and the blocking twin of the coach's streamed
 *       answers ({@code POST /api/v1/coach/relay}).</li>
 * </ul>
 * {@code VIRTUAL_THREADS=true} (on Java 21+) serves requests on virtual threads.
 */
@SpringBootApplication
public class BaselineApplication {

    /** Spring Security's servlet auto-configurations, left out in lean mode so no filter chain runs. */
    static final List<String> SECURITY_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration");

    public static void main(String[] args) {
        String mode = System.getenv().getOrDefault("BASELINE_MODE", "lean").trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("lean") && !mode.equals("fair")) {
            throw new IllegalArgumentException("BASELINE_MODE must be lean or fair, not " + mode);
        }
        SpringApplication application = new SpringApplication(BaselineApplication.class);
        application.setDefaultProperties(mode.equals("lean")
                ? Map.of("baseline.mode", mode, "spring.autoconfigure.exclude", String.join(",", SECURITY_AUTO_CONFIGURATIONS),
                        "management.observations.enable.http.server.requests", "false")
                : Map.of("baseline.mode", mode, "management.endpoints.web.exposure.include", "health,prometheus"));
        application.run(args);
    }
}
