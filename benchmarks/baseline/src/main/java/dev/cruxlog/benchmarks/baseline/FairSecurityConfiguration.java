package dev.cruxlog.benchmarks.baseline;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code BASELINE_MODE=fair}: authentication as Cruxlog does it, the servlet way. Spring
 * Security's OAuth2 resource server verifies the {@code Authorization: Bearer} token with
 * Nimbus: HS256 with the key from {@code CRUXLOG_TOKEN_SECRET} (base64), expiry and not-before
 * (Spring's default validators) and the issuer {@code cruxlog}. Stateless (no session, no
 * request cache), CSRF off for this bearer-only API; every {@code /api/**} request must be
 * authenticated. Like Cruxlog's RequestIdFilter, a filter ahead of security takes a sane
 * incoming {@code X-Request-Id} (8-64 of {@code [A-Za-z0-9._-]}) or makes one up, returns it
 * and puts it in the logging MDC for the request.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnProperty(name = "baseline.mode", havingValue = "fair")
class FairSecurityConfiguration {

    static final String ISSUER = "cruxlog";
    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Bean
    JwtDecoder jwtDecoder(@Value("${CRUXLOG_TOKEN_SECRET}") String secret) {
        byte[] bytes = Base64.getDecoder().decode(secret.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("CRUXLOG_TOKEN_SECRET must be at least 32 bytes (base64-encoded)");
        }
        SecretKey key = new SecretKeySpec(bytes, "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        // As Cruxlog (JwtAccessTokens): "iss" is kept as the string it is; Spring's default
        // converter would try it as a URL and throw and catch an exception per request.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        return decoder;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/**").authenticated().anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .build();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestIds() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String id = acceptOrCreate(request.getHeader(REQUEST_ID));
                response.setHeader(REQUEST_ID, id);
                MDC.put("requestId", id);
                try {
                    chain.doFilter(request, response);
                } finally {
                    MDC.remove("requestId");
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static String acceptOrCreate(String incoming) {
        if (incoming != null && ACCEPTABLE_ID.matcher(incoming).matches()) {
            return incoming;
        }
        // A random UUID without SecureRandom (it is not security-sensitive), as Cruxlog avoids it too.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
