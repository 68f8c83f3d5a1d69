package dev.cruxlog.identity.adapter.in.security;

import java.security.SecureRandom;

import org.springframework.http.MediaType;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a state-changing request's CSRF token is looked for: the {@code X-XSRF-TOKEN} header,
 * a urlencoded form's {@code _csrf} field (a small body, capped by the codecs), and, for upload
 * forms sent without scripts, a {@code _csrf} part of a multipart body, <em>only when the
 * request carries a valid session</em>.
 *
 * <p>Why the condition: the CSRF check runs before authentication, and finding a form field in
 * a multipart body means parsing the whole body. Spring Security's own option does that for
 * anyone who sends an {@code XSRF-TOKEN} cookie, so one anonymous request of sixty 20 MB parts
 * made the server hold 1.4 GB (issue #15). An upload form is only ever sent by a signed-in
 * climber; everyone else gets 403 with the body unread. (All bodies are also capped in size
 * before security runs: {@code RequestSizeLimitFilter}, and in parts: {@code max-parts}.)
 *
 * <p>Tokens are masked per response (BREACH) as by Spring's XOR handler.
 */
final class SignedInMultipartCsrfTokens implements ServerCsrfTokenRequestHandler {

    private final XorServerCsrfTokenRequestAttributeHandler headerOrForm = new XorServerCsrfTokenRequestAttributeHandler();
    private final XorServerCsrfTokenRequestAttributeHandler uploadForm = new XorServerCsrfTokenRequestAttributeHandler();
    private final ServerSecurityContextRepository sessions;

    SignedInMultipartCsrfTokens(ServerSecurityContextRepository sessions, SecureRandom random) {
        this.sessions = sessions;
        headerOrForm.setSecureRandom(random);
        uploadForm.setSecureRandom(random);
        uploadForm.setTokenFromMultipartDataEnabled(true);
    }

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        headerOrForm.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        return headerOrForm.resolveCsrfTokenValue(exchange, csrfToken)
                .switchIfEmpty(Mono.defer(() -> isMultipart(exchange)
                        ? sessions.load(exchange).flatMap(signedIn -> uploadForm.resolveCsrfTokenValue(exchange, csrfToken))
                        : Mono.empty()));
    }

    private static boolean isMultipart(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        return type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
    }
}
