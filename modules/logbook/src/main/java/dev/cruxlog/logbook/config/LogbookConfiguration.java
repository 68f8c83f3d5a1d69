package dev.cruxlog.logbook.config;

import java.time.Duration;

import dev.cruxlog.logbook.adapter.out.eighta.WebClientEightAProfiles;
import dev.cruxlog.logbook.adapter.out.mountainproject.WebClientMountainProjectTickExports;
import dev.cruxlog.logbook.application.EightAProfiles;
import dev.cruxlog.logbook.application.MountainProjectTickExports;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.platform.database.ModuleSchema;
import dev.cruxlog.platform.web.PublicPaths;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class LogbookConfiguration {

    @Bean
    ModuleSchema logbookSchema() {
        return new ModuleSchema("logbook");
    }

    /** "Try it with a sample logbook" (TryItController) is for visitors without an account. */
    @Bean
    PublicPaths tryItPaths() {
        return PublicPaths.of("/try");
    }

    @Bean
    GroupedOpenApi logbookApi() {
        return GroupedOpenApi.builder().group("logbook").pathsToMatch("/api/v1/logbook/**").build();
    }

    /**
     * The 8a.nu profile reader. The interval between requests keeps us a polite visitor
     * (one request every two seconds by default); tests shorten it against a loopback peer.
     */
    @Bean
    EightAProfiles eightAProfiles(WebClient.Builder builder, JsonMapper json,
            @Value("${cruxlog.logbook.eight-a.base-url:https://www.8a.nu}") String baseUrl,
            @Value("${cruxlog.logbook.eight-a.request-interval:2s}") Duration requestInterval,
            @Value("${cruxlog.logbook.eight-a.timeout:30s}") Duration timeout,
            @Value("${cruxlog.logbook.eight-a.max-retry-after:2m}") Duration maxRetryAfter,
            @Value("${cruxlog.logbook.eight-a.max-retries:3}") int maxRetries,
            @Value("${cruxlog.logbook.eight-a.max-pages:400}") int maxPages) {
        return new WebClientEightAProfiles(builder, json, new WebClientEightAProfiles.Settings(baseUrl, requestInterval,
                timeout, maxRetryAfter, maxRetries, 50, maxPages, ImportLimits.DEFAULT.maxFileBytes()));
    }

    @Bean
    MountainProjectTickExports mountainProjectTickExports(WebClient.Builder builder,
            @Value("${cruxlog.logbook.mountain-project.base-url:https://www.mountainproject.com}") String baseUrl,
            @Value("${cruxlog.logbook.mountain-project.timeout:30s}") Duration timeout) {
        return new WebClientMountainProjectTickExports(builder, baseUrl, ImportLimits.DEFAULT.maxFileBytes(), timeout);
    }
}
