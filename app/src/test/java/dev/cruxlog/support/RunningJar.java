package dev.cruxlog.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Helpers for tests that start the packaged jar as a process of its own. */
public final class RunningJar {

    private RunningJar() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code /actuator/health} until it answers UP; returns that body, or null when
     * the process died or the time ran out (the caller's assertion names its log).
     */
    public static String awaitHealthy(WebTestClient http, Process app, Duration within) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(500))
                .publishOn(Schedulers.boundedElastic())
                .takeWhile(tick -> app.isAlive())
                .map(tick -> {
                    try {
                        return http.get().uri("/actuator/health").exchange().returnResult(String.class)
                                .getResponseBody().blockFirst(Duration.ofSeconds(5));
                    } catch (RuntimeException notYet) {
                        return "";
                    }
                })
                .filter(body -> body != null && body.contains("\"status\":\"UP\""))
                .blockFirst(within);
    }
}
