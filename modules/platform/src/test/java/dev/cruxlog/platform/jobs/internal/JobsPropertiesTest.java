package dev.cruxlog.platform.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The job settings as an operator sets them: through the environment variables README.md names. */
class JobsPropertiesTest {

    @Test
    void aKindsLimitIsSetThroughTheEnvironmentVariableTheReadmeNames() {
        JobsProperties jobs = bind(Map.of("CRUXLOG_JOBS_MAXCONCURRENT_LOGBOOK_IMPORT", "2"));

        assertThat(jobs.maxConcurrent()).containsExactly(Map.entry("logbook.import", 2));
        assertThat(jobs.concurrency()).isEqualTo(4);
    }

    @Test
    void withoutOneEveryKindKeepsItsOwnLimit() {
        assertThat(bind(Map.of()).maxConcurrent()).isEmpty();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("CRUXLOG_JOBS_MAXCONCURRENT_LOGBOOK_IMPORT", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("cruxlog.jobs.max-concurrent[logbook.import]");
    }

    private static JobsProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // In place of the JVM's own variables, under the name Spring maps the way it maps the real ones.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("cruxlog.jobs", JobsProperties.class);
    }
}
