package dev.cruxlog.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document; each module adds its own group, so each team reads only its API. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI cruxlogOpenApi() {
        return new OpenAPI().info(new Info().title("Cruxlog API").version("v1")
                .description("Climbing logbook analytics. Errors are application/problem+json (RFC 9457)."));
    }

    /**
     * Health and docs are for everyone. Metrics (for a scraper with METRICS_TOKEN) and
     * /api/v1/platform/info (the exact PostgreSQL build and schema versions) are for
     * administrators: they describe the whole system to whoever asks (issue #15).
     */
    @Bean
    PublicPaths platformPublicPaths() {
        return PublicPaths.of("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                "/swagger-ui.html", "/swagger-ui/**", "/webjars/**");
    }

    @Bean
    GroupedOpenApi platformApi() {
        return GroupedOpenApi.builder().group("platform").pathsToMatch("/api/v1/platform/**").build();
    }
}
