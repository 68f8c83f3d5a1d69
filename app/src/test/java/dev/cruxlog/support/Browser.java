package dev.cruxlog.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A minimal browser for page tests: keeps cookies, remembers the CSRF token of the last
 * page it loaded, and posts forms the way a browser would.
 */
public final class Browser {

    private final WebTestClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    public Browser(WebTestClient http) {
        this.http = http;
    }

    /** One answer. {@code requestId} finds its lines in the application's log. */
    public record Page(HttpStatusCode status, String location, Document document, String requestId) {

        /**
         * Short enough for an assertion's description: where a redirect was expected and a page
         * came, its status, heading and message say why, and the request id finds the log lines.
         */
        @Override
        public String toString() {
            if (location != null) {
                return status.value() + " to " + location + " (request " + requestId + ")";
            }
            String said = (document.select("h1").text() + " " + document.select(".flash, .error, main p").text()).trim();
            return status.value() + " " + (said.length() > 300 ? said.substring(0, 300) + "..." : said)
                    + " (request " + requestId + ")";
        }
    }

    public Page get(String path) {
        EntityExchangeResult<String> result = addressed(http.get(), path).accept(MediaType.TEXT_HTML)
                .cookies(jar -> cookies.forEach(jar::add))
                .exchange().expectBody(String.class).returnResult();
        return remember(result);
    }

    /** Posts a form with the CSRF token of the last page loaded. */
    public Page post(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        if (csrf != null) {
            form.add("_csrf", csrf);
        }
        return postRaw(path, form);
    }

    /** Posts a form exactly as given: no CSRF token unless the caller put one in. */
    public Page postWithoutCsrf(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return postRaw(path, form);
    }

    private Page postRaw(String path, MultiValueMap<String, String> form) {
        EntityExchangeResult<String> result = addressed(http.post(), path).accept(MediaType.TEXT_HTML)
                .cookies(jar -> cookies.forEach(jar::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange().expectBody(String.class).returnResult();
        return remember(result);
    }

    /**
     * An address taken from a page (a link's href, a form's action) is already encoded, as a
     * browser sends it: it goes out byte for byte, where the client's URI template would encode its
     * percent signs a second time. Anything else is written by a test and encoded as before.
     */
    private static <S extends WebTestClient.RequestHeadersSpec<?>> S addressed(WebTestClient.UriSpec<S> spec, String path) {
        return path.indexOf('%') >= 0 ? spec.uri(base -> java.net.URI.create(base.build().toString() + path)) : spec.uri(path);
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public ResponseCookie lastSetCookie(EntityExchangeResult<?> result, String name) {
        return result.getResponseCookies().getFirst(name);
    }

    private Page remember(EntityExchangeResult<String> result) {
        result.getResponseCookies().forEach((name, values) -> values.forEach(cookie -> {
            if (cookie.getMaxAge().isZero()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        }));
        String body = result.getResponseBody() == null ? "" : result.getResponseBody();
        Document document = Jsoup.parse(body);
        String token = document.select("input[name=_csrf]").attr("value");
        if (!token.isEmpty()) {
            csrf = token;
        }
        String location = result.getResponseHeaders().getLocation() == null ? null
                : result.getResponseHeaders().getLocation().toString();
        return new Page(result.getStatus(), location, document, result.getResponseHeaders().getFirst("X-Request-Id"));
    }
}
