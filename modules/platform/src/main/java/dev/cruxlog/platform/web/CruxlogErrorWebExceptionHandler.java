package dev.cruxlog.platform.web;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last word on errors that no controller handled: unknown routes, errors from page
 * controllers and filters. API clients get problem+json; browsers get a friendly page.
 * Ordered before Spring Boot's default handler, which would answer with its own JSON.
 */
@Component
@Order(-2)
class CruxlogErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CruxlogErrorWebExceptionHandler.class);

    private final ProblemWriter problems;
    private final ObjectProvider<ErrorPageRenderer> pages;

    CruxlogErrorWebExceptionHandler(ProblemWriter problems, ObjectProvider<ErrorPageRenderer> pages) {
        this.problems = problems;
        this.pages = pages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status = statusOf(ex);
        ProblemDetail problem = problemOf(ex, status);
        if (status.is5xxServerError() && status.value() != 503) {
            log.error("Unhandled error serving {} (request {})", exchange.getRequest().getPath(), RequestIds.of(exchange), ex);
        }
        exchange.getResponse().setStatusCode(status);
        if (status.value() == 503) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
        ErrorPageRenderer renderer = pages.getIfAvailable();
        if (renderer != null && BrowserRequests.wantsPage(exchange)) {
            return renderer.render(exchange, status, RequestIds.of(exchange));
        }
        return problems.write(exchange, status, problem);
    }

    private static HttpStatusCode statusOf(Throwable ex) {
        if (ex instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        return DatabaseUnavailable.isCause(ex) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static ProblemDetail problemOf(Throwable ex, HttpStatusCode status) {
        if (ex instanceof ErrorResponse response) {
            return response.getBody();
        }
        return status.value() == 503 ? Problems.databaseUnavailable() : Problems.unexpected();
    }
}
