package dev.cruxlog.logbook.config;

import java.time.Duration;

import dev.cruxlog.logbook.adapter.out.mountainproject.WebClientMountainProjectTickExports;
import dev.cruxlog.logbook.application.ImportLimits;
import dev.cruxlog.logbook.application.MountainProjectTickExports;
import dev.cruxlog.platform.database.ModuleSchema;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class LogbookConfiguration {

    @Bean
    ModuleSchema logbookSchema() {
        return new ModuleSchema("logbook");
    }

    @Bean
    GroupedOpenApi logbookApi() {
        return GroupedOpenApi.builder().group("logbook").pathsToMatch("/api/v1/logbook/**").build();
    }

    @Bean
    MountainProjectTickExports mountainProjectTickExports(WebClient.Builder builder,
            @Value("${cruxlog.logbook.mountain-project.base-url:https://www.mountainproject.com}") String baseUrl,
            @Value("${cruxlog.logbook.mountain-project.timeout:30s}") Duration timeout) {
        return new WebClientMountainProjectTickExports(builder, baseUrl, ImportLimits.DEFAULT.maxFileBytes(), timeout);
    }
}
