package dev.cruxlog.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Test-only endpoint that exercises the shared API error handling (validation, unexpected
 * errors) before any domain module has endpoints of its own.
 */
@RestController
class ValidationProbeController {

    /** Open to anyone, so these tests exercise error handling rather than authentication. */
    @org.springframework.context.annotation.Bean
    static dev.cruxlog.platform.web.PublicPaths probePaths() {
        return dev.cruxlog.platform.web.PublicPaths.csrfExempt("/api/v1/test/**");
    }

    record Probe(@NotBlank String route, @Min(1) int pitches) {
    }

    @PostMapping("/api/v1/test/probe")
    Mono<Probe> probe(@Valid @RequestBody Probe probe) {
        return Mono.just(probe);
    }

    @PostMapping("/api/v1/test/explode")
    Mono<Probe> explode() {
        return Mono.error(new IllegalStateException("secret internal detail"));
    }
}
