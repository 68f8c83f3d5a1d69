package dev.cruxlog.identity.adapter.in.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;

/**
 * Cruxlog's one header writer writes exactly what Spring Security's default writers, configured
 * as Cruxlog configured them before, wrote: same headers, same values, same deference to
 * headers a handler set, for plain HTTP, HTTPS and a 304.
 */
class SecurityHeadersTest {

    private final ServerHttpHeadersWriter ours = new SecurityHeaders(SecurityConfiguration.CONTENT_SECURITY_POLICY,
            ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy());
    private final ServerHttpHeadersWriter springs = springSecurityDefaults();

    @Test
    void writesWhatSpringSecuritysWritersWroteInEveryCase() {
        Map<String, Consumer<MockServerWebExchange>> cases = Map.of(
                "plain", exchange -> { },
                "handler set caching", exchange -> exchange.getResponse().getHeaders().setCacheControl("max-age=3600"),
                "handler set frame options", exchange -> exchange.getResponse().getHeaders().set("X-Frame-Options", "SAMEORIGIN"),
                "not modified", exchange -> exchange.getResponse().setStatusCode(HttpStatus.NOT_MODIFIED));
        for (String url : new String[]{"http://localhost/api/v1/logbook/ticks", "https://cruxlog.example/signin"}) {
            cases.forEach((name, setUp) -> assertThat(written(ours, url, setUp)).as(name + " at " + url)
                    .isEqualTo(written(springs, url, setUp)));
        }
        assertThat(written(ours, "https://cruxlog.example/", exchange -> { }))
                .containsEntry("Strict-Transport-Security", SecurityHeaders.HSTS)
                .containsEntry("X-Frame-Options", "DENY").containsEntry("Cache-Control", SecurityHeaders.NO_CACHE);
        assertThat(written(ours, "http://localhost/", exchange -> { })).doesNotContainKey("Strict-Transport-Security");
    }

    private static Map<String, String> written(ServerHttpHeadersWriter writer, String url, Consumer<MockServerWebExchange> setUp) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
        setUp.accept(exchange);
        writer.writeHttpHeaders(exchange).block();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> all.put(name, String.join(",", values)));
        return all;
    }

    private static ServerHttpHeadersWriter springSecurityDefaults() {
        ContentSecurityPolicyServerHttpHeadersWriter csp = new ContentSecurityPolicyServerHttpHeadersWriter();
        csp.setPolicyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN);
        XFrameOptionsServerHttpHeadersWriter frames = new XFrameOptionsServerHttpHeadersWriter();
        frames.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        return new CompositeServerHttpHeadersWriter(new CacheControlServerHttpHeadersWriter(),
                new ContentTypeOptionsServerHttpHeadersWriter(), new StrictTransportSecurityServerHttpHeadersWriter(),
                frames, new XXssProtectionServerHttpHeadersWriter(), csp, referrer);
    }
}
