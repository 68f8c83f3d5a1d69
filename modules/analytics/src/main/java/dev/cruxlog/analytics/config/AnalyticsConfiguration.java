package dev.cruxlog.analytics.config;

import dev.cruxlog.platform.database.ModuleSchema;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    @Bean
    ModuleSchema analyticsSchema() {
        return new ModuleSchema("analytics");
    }

    @Bean
    GroupedOpenApi analyticsApi() {
        return GroupedOpenApi.builder().group("analytics").pathsToMatch("/api/v1/analytics/**").build();
    }
}
