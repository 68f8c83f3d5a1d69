package dev.cruxlog.identity.adapter.in.security;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import dev.cruxlog.identity.application.AccessTokens;
import dev.cruxlog.identity.application.AccessTokenCutoffs;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.platform.web.BrowserRequests;
import dev.cruxlog.platform.web.ErrorPageRenderer;
import dev.cruxlog.platform.web.RequestIds;
import dev.cruxlog.platform.web.ProblemWriter;
import dev.cruxlog.platform.web.Problems;
import dev.cruxlog.platform.web.PublicPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Who may reach what, for the whole application.
 *
 * <ul>
 *   <li>Pages authenticate with the session cookie ({@link SessionSecurityContextRepository});
 *       every state-changing form carries a CSRF token (double-submit cookie, which, unlike a
 *       session-held token, survives restarts and works across instances).</li>
 *   <li>The API authenticates with {@code Authorization: Bearer}; such requests need no CSRF
 *       token because browsers never attach that header on their own. API calls made with
 *       the session cookie (from our own pages' scripts) do need it.</li>
 *   <li>Paths any module declares as {@link PublicPaths} are open; everything else needs a
 *       signed-in user. Unauthenticated API calls get 401 problem+json, pages a redirect
 *       to the sign-in page.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PublicPaths identityPublicPaths() {
        return PublicPaths.of("/signin", "/signin/code", "/signup", "/forgot-password", "/reset-password", "/verify-email",
                "/api/v1/auth/**");
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, List<PublicPaths> publicPaths,
                                                  SessionSecurityContextRepository sessions, AccessTokens accessTokens,
                                                  SignInService signIn, ProblemWriter problems, AccessTokenCutoffs cutoffs,
                                                  ObjectProvider<ErrorPageRenderer> pages,
                                                  @Value("${cruxlog.web.metrics-token:}") String metricsToken) {
        List<String> open = new ArrayList<>();
        List<String> csrfExempt = new ArrayList<>(List.of("/api/v1/auth/**"));
        publicPaths.forEach(paths -> {
            open.addAll(paths.patterns());
            if (paths.csrfExempt()) {
                csrfExempt.addAll(paths.patterns());
            }
        });

        AuthenticationWebFilter bearer = new AuthenticationWebFilter(new BearerTokenAuthenticationManager(accessTokens, metricsToken));
        bearer.setServerAuthenticationConverter(new ServerBearerTokenAuthenticationConverter());
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((webFilterExchange, exception) ->
                unauthorized(webFilterExchange.getExchange(), problems, "The access token is invalid or expired."));

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        // Tokens are masked per response (BREACH). The default SecureRandom reads /dev/urandom on
        // the event loop (BlockHound caught it); a DRBG seeded once at start-up is pure CPU.
        // Upload forms carry the token as a multipart field, read for signed-in requests only.
        SignedInMultipartCsrfTokens csrfTokenFields = new SignedInMultipartCsrfTokens(sessions, seededDrbg());

        return http
                .securityContextRepository(sessions)
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(new RevokedAccessTokens(signIn, problems, cutoffs), SecurityWebFiltersOrder.AUTHORIZATION)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfTokenFields)
                        .requireCsrfProtectionMatcher(needsCsrf(csrfExempt))
                        .accessDeniedHandler(csrfDenied(problems, pages)))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(AnyPathMatcher.of("/", "/css/**", "/img/**", "/js/**", "/favicon.ico", "/error")).permitAll()
                        .matchers(AnyPathMatcher.of(open)).permitAll()
                        // Health is open (above); metrics and the rest of the actuator, and the
                        // platform's info, describe the whole system: administrators only, and
                        // metrics also for a scraper holding METRICS_TOKEN.
                        .matchers(AnyPathMatcher.of("/actuator/prometheus")).hasAnyAuthority(MetricsScraper.AUTHORITY, "ROLE_ADMIN")
                        .matchers(AnyPathMatcher.of("/actuator/**", "/api/v1/platform/**", "/api/v1/admin/**")).hasRole("ADMIN")
                        // Climbers (not a scraper) for everything else.
                        .anyExchange().hasRole("USER"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(accessDenied(problems, pages)))
                // Spring Security's default headers and Cruxlog's policies, written by one writer
                // (SecurityHeaders explains why), in the place Spring Security's filter had.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .addFilterAt(new HttpHeaderWriterWebFilter(new SecurityHeaders(CONTENT_SECURITY_POLICY,
                        ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy())), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .build();
    }

    /**
     * A deterministic random bit generator (NIST SP 800-90A) seeded from the OS now, on the
     * main thread. Without prediction resistance it never reseeds by itself, so later calls
     * do no I/O and are safe on an event loop.
     */
    static SecureRandom seededDrbg() {
        try {
            SecureRandom drbg = SecureRandom.getInstance("DRBG");
            drbg.nextBytes(new byte[32]);
            return drbg;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is part of every JDK since 9", e);
        }
    }

    /** Unsafe methods need a CSRF token, unless the request carries a bearer token or the path is exempt. */
    private static ServerWebExchangeMatcher needsCsrf(List<String> exemptPatterns) {
        ServerWebExchangeMatcher exempt = AnyPathMatcher.of(exemptPatterns);
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                    || method == HttpMethod.TRACE) {
                return MatchResult.notMatch();
            }
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return MatchResult.notMatch();
            }
            return exempt.matches(exchange).flatMap(result -> result.isMatch() ? MatchResult.notMatch() : MatchResult.match());
        };
    }

    private static ServerAuthenticationEntryPoint entryPoint(ProblemWriter problems) {
        return (exchange, exception) -> {
            if (BrowserRequests.wantsPage(exchange)) {
                String next = exchange.getRequest().getPath().pathWithinApplication().value();
                URI signIn = UriComponentsBuilder.fromPath("/signin").queryParam("next", next).build().encode().toUri();
                exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                exchange.getResponse().getHeaders().setLocation(signIn);
                return exchange.getResponse().setComplete();
            }
            return unauthorized(exchange, problems, "Sign in first: send 'Authorization: Bearer <access token>'.");
        };
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, ProblemWriter problems, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Authentication required");
        problem.setType(Problems.type("unauthenticated"));
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, problem);
    }

    private static ServerAccessDeniedHandler accessDenied(ProblemWriter problems, ObjectProvider<ErrorPageRenderer> pages) {
        return (exchange, denied) -> forbidden(exchange, problems, pages, "You do not have access to this resource.");
    }

    private static ServerAccessDeniedHandler csrfDenied(ProblemWriter problems, ObjectProvider<ErrorPageRenderer> pages) {
        return (exchange, denied) -> forbidden(exchange, problems, pages,
                "The form expired or did not come from Cruxlog (missing or invalid CSRF token). Reload the page and try again.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange, ProblemWriter problems,
                                        ObjectProvider<ErrorPageRenderer> pages, String detail) {
        ErrorPageRenderer renderer = pages.getIfAvailable();
        if (renderer != null && BrowserRequests.wantsPage(exchange)) {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return renderer.render(exchange, HttpStatus.FORBIDDEN, RequestIds.of(exchange));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return problems.write(exchange, HttpStatus.FORBIDDEN, problem);
    }
}
