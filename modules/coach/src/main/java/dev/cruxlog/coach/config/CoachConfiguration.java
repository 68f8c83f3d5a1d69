package dev.cruxlog.coach.config;

import java.time.Duration;

import dev.cruxlog.coach.CoachAllowance;
import dev.cruxlog.coach.adapter.in.database.AnswerStopListener;
import dev.cruxlog.coach.application.AnswerStops;
import dev.cruxlog.coach.application.AnswerLimits;
import dev.cruxlog.coach.application.AnswerService;
import dev.cruxlog.platform.database.PostgresChannel;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import dev.cruxlog.coach.adapter.out.model.LogbookInsightsModel;
import dev.cruxlog.coach.adapter.out.model.OpenAiCompatibleCoachModel;
import dev.cruxlog.coach.application.CoachModel;
import dev.cruxlog.platform.database.ModuleSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CoachConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CoachConfiguration.class);

    @Bean
    ModuleSchema coachSchema() {
        return new ModuleSchema("coach");
    }

    @Bean
    GroupedOpenApi coachApi() {
        return GroupedOpenApi.builder().group("coach").pathsToMatch("/api/v1/coach/**").build();
    }

    /** Every instance hears every announced answer stop. */
    @Bean
    AnswerStopListener answerStopListener(R2dbcConnectionDetails connection, AnswerService answers) {
        return new AnswerStopListener(PostgresChannel.onItsOwnConnection(connection, AnswerStops.CHANNEL), answers);
    }

    @Bean
    CoachAllowance coachAllowance(@Value("${cruxlog.coach.daily-questions.free:10}") int free,
                                  @Value("${cruxlog.coach.daily-questions.premium:-1}") int premium) {
        return new CoachAllowance(free, premium);
    }

    @Bean
    AnswerLimits answerLimits(@Value("${cruxlog.coach.max-answer-characters:32000}") int maxCharacters,
                              @Value("${cruxlog.coach.max-answer-duration:5m}") Duration maxDuration) {
        return new AnswerLimits(maxCharacters, maxDuration);
    }

    /**
     * An OpenAI-compatible provider when {@code cruxlog.coach.base-url} is set; otherwise the
     * coach answers with insights computed from the logbook, labelled as such.
     */
    @Bean
    CoachModel coachModel(ObjectProvider<ReactorResourceFactory> resources, JsonMapper json,
                          @Value("${cruxlog.coach.base-url:}") String baseUrl,
                          @Value("${cruxlog.coach.model:gpt-4o-mini}") String model,
                          @Value("${cruxlog.coach.api-key:}") String apiKey,
                          @Value("${cruxlog.coach.first-token-timeout:30s}") Duration firstTokenTimeout,
                          @Value("${cruxlog.coach.idle-timeout:30s}") Duration idleTimeout,
                          @Value("${cruxlog.coach.max-retries:2}") int maxRetries,
                          @Value("${cruxlog.coach.min-backoff:500ms}") Duration minBackoff,
                          @Value("${cruxlog.coach.max-connections:1000}") int maxConnections) {
        if (baseUrl == null || baseUrl.isBlank()) {
            log.info("No coach model configured (cruxlog.coach.base-url): the coach answers with logbook insights");
            return new LogbookInsightsModel();
        }
        // The web server's loops: a token is read and written on the same thread (ADR 0025).
        ReactorResourceFactory server = resources.getIfAvailable();
        LoopResources loops = server != null ? server.getLoopResources() : HttpResources.get();
        return new OpenAiCompatibleCoachModel(json, new OpenAiCompatibleCoachModel.Settings(baseUrl, model, apiKey,
                firstTokenTimeout, idleTimeout, maxRetries, minBackoff, maxConnections), loops);
    }
}
