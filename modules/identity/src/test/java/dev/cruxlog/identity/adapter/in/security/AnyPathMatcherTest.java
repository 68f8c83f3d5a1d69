package dev.cruxlog.identity.adapter.in.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** The one-loop matcher decides every path as Spring Security's own path matchers do. */
class AnyPathMatcherTest {

    private static final List<String> PATTERNS = List.of("/", "/css/**", "/favicon.ico", "/signin", "/signin/code",
            "/api/v1/auth/**", "/actuator/health", "/actuator/health/**", "/api/v1/grades/**", "/dev/mail");

    private static final List<String> PATHS = List.of("/", "", "/css", "/css/", "/css/site.css", "/css/a/b/c.css",
            "/CSS/site.css", "/favicon.ico", "/favicon.icon", "/signin", "/signin/", "/SIGNIN", "/signin/code",
            "/signin/code/", "/signin/other", "/signin;jsessionid=1", "/api/v1/auth", "/api/v1/auth/token",
            "/api/v1/auth/../logbook/ticks", "/api/v1/authx", "/actuator/health", "/actuator/healthz",
            "/actuator/health/liveness", "/actuator/prometheus", "/api/v1/grades", "/api/v1/grades/scales",
            "/api/v1/logbook/ticks", "//css/site.css", "/dev/mail", "/dev/mail/1", "/%63ss/site.css");

    @Test
    void decidesEveryPathAsSpringSecuritysPathMatchersDo() {
        ServerWebExchangeMatcher ours = AnyPathMatcher.of(PATTERNS);
        ServerWebExchangeMatcher theirs = ServerWebExchangeMatchers.pathMatchers(PATTERNS.toArray(String[]::new));
        int matched = 0;
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
            for (String path : PATHS) {
                MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
                boolean expected = theirs.matches(exchange).block(Duration.ofSeconds(1)).isMatch();
                assertThat(ours.matches(exchange).block(Duration.ofSeconds(1)).isMatch()).as(method + " " + path).isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        // Both answers occur, so the comparison above is not all "no".
        assertThat(matched).isBetween(10, 2 * PATHS.size() - 10);
    }

    @Test
    void refusesPathVariablesItWouldNotExtract() {
        assertThatThrownBy(() -> AnyPathMatcher.of("/api/v1/ticks/{id}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnyPathMatcher.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
