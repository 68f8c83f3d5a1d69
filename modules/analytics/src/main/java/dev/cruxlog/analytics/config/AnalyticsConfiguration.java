package dev.cruxlog.analytics.config;

import dev.cruxlog.analytics.application.PyramidMemo;
import dev.cruxlog.analytics.application.WindowedOverviews;
import dev.cruxlog.platform.database.ModuleSchema;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    @Bean
    ModuleSchema analyticsSchema() {
        return new ModuleSchema("analytics");
    }

    /** Pyramids built from stored first sends, reused while their inputs are unchanged. */
    @Bean
    PyramidMemo pyramidMemo(@Value("${cruxlog.analytics.pyramid-memo-routes:100000}") long maxRoutes) {
        return new PyramidMemo(maxRoutes);
    }

    /** Overviews of a window of dates (the coach's last twelve months), reused while the climber's figures are unchanged. */
    @Bean
    WindowedOverviews windowedOverviews(@Value("${cruxlog.analytics.windowed-overviews:10000}") int maxEntries) {
        return new WindowedOverviews(maxEntries);
    }

    @Bean
    GroupedOpenApi analyticsApi() {
        return GroupedOpenApi.builder().group("analytics").pathsToMatch("/api/v1/analytics/**").build();
    }
}
