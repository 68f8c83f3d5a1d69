package dev.cruxlog.grades.config;

import dev.cruxlog.grades.Grades;
import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.platform.web.PublicPaths;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GradesConfiguration {

    @Bean
    Grades grades() {
        return new GradeCatalog();
    }

    /** Grade conversion is reference data: anyone may ask. */
    @Bean
    PublicPaths gradesPublicPaths() {
        return PublicPaths.of("/api/v1/grades/**");
    }

    @Bean
    GroupedOpenApi gradesApi() {
        return GroupedOpenApi.builder().group("grades").pathsToMatch("/api/v1/grades/**").build();
    }
}
