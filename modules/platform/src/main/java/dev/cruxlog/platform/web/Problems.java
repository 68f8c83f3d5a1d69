package dev.cruxlog.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/** The problem+json bodies Cruxlog uses everywhere, so each error reads the same. */
public final class Problems {

    /**
     * The order of each module's own exception advice: after the platform's answer to
     * {@link dev.cruxlog.platform.InvalidInput} (the first advice with a matching handler
     * answers) and before the platform's catch-all for everything else.
     */
    public static final int MODULE_ADVICE_ORDER = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1;

    private Problems() {
    }

    public static ProblemDetail databaseUnavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached right now. Please try again in a few seconds.");
        problem.setTitle("Service temporarily unavailable");
        problem.setType(type("database-unavailable"));
        return problem;
    }

    public static ProblemDetail unexpected() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. The request id identifies it in our logs.");
        problem.setTitle("Internal error");
        return problem;
    }

    public static URI type(String slug) {
        return URI.create("https://cruxlog.dev/problems/" + slug);
    }

    /**
     * A module's own failure as problem+json: status, title, a type slug, the message for the
     * climber and, when one field is at fault, {@code errors: [{field, message}]}.
     */
    public static org.springframework.http.ResponseEntity<ProblemDetail> response(
            org.springframework.http.HttpStatusCode status, String title, String type, String detail, String field,
            ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type(type));
        if (field != null) {
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", detail)));
        }
        decorate(problem, exchange);
        // Always problem+json, even when the request accepted only text/event-stream (a streaming
        // endpoint's errors before its first event): an error is never written as a stream.
        return org.springframework.http.ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Adds what every Cruxlog problem carries: the request path and the request id. */
    public static ProblemDetail decorate(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        problem.setProperty(RequestIds.KEY, RequestIds.of(exchange));
        return problem;
    }
}
