package dev.cruxlog.platform.jobs.internal;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.cruxlog.platform.database.PostgresChannel;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import dev.cruxlog.platform.jobs.JobQueue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean
    R2dbcJobStore jobStore(DatabaseClient databaseClient) {
        return new R2dbcJobStore(databaseClient);
    }

    @Bean
    JobPayloads jobPayloads(JsonMapper jsonMapper) {
        return new JobPayloads(jsonMapper);
    }

    @Bean
    JobQueue jobQueue(R2dbcJobStore store, JobPayloads payloads, JobsProperties properties) {
        return new R2dbcJobQueue(store, payloads, properties.maxAttempts());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "cruxlog.jobs.enabled", matchIfMissing = true)
    JobWorker jobWorker(R2dbcJobStore store, List<JobHandler> handlers, R2dbcConnectionDetails connection,
                        JobsProperties properties) {
        Map<String, JobHandler> byKind = handlers.stream()
                .collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        return new JobWorker(store, byKind, PostgresChannel.onItsOwnConnection(connection, JobsProperties.CHANNEL)
                .payloads(Mono.empty()), properties, workerId(properties));
    }

    private static String workerId(JobsProperties properties) {
        if (properties.workerId() != null && !properties.workerId().isBlank()) {
            return properties.workerId();
        }
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
