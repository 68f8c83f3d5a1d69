package dev.cruxlog.identity.adapter.in.security;

import java.util.Collection;
import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Matches a request whose path is any of a list of patterns, tried in one synchronous loop.
 *
 * <p>Spring Security's {@code pathMatchers(...)} builds an "or" of one reactive matcher per
 * pattern: a {@code Flux} over the patterns, a {@code flatMap} with its inner queue, and a
 * {@code Mono} per pattern, for every request that reaches the rule. Every API request reaches
 * all of them (its own rule is the last, "any other exchange"), and on the ticks page that was
 * about 10 kB of the 103 kB allocated per request (docs/benchmarks.md, change 25). The patterns are
 * parsed exactly as Spring Security parses them, so a path matches here when it would match
 * there. Path variables are refused: no rule of Cruxlog's uses one, and this matcher does not
 * extract them.
 */
final class AnyPathMatcher implements ServerWebExchangeMatcher {

    // Each is Mono.just of an immutable result: safe to hand to every subscriber.
    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    private final List<PathPattern> patterns;

    private AnyPathMatcher(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    static AnyPathMatcher of(String... patterns) {
        return of(List.of(patterns));
    }

    static AnyPathMatcher of(Collection<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one path pattern");
        }
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return new AnyPathMatcher(patterns.stream().map(pattern -> {
            if (pattern.indexOf('{') >= 0) {
                throw new IllegalArgumentException("path variables are not extracted here: " + pattern);
            }
            return parser.parse(parser.initFullPathPattern(pattern));
        }).toList());
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }

    @Override
    public String toString() {
        return "AnyPathMatcher" + patterns;
    }
}
