package dev.cruxlog.platform.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module reads the time from (UTC); a test that needs another declares its own
 * {@code @Primary} {@link Clock}. It is the shared platform's, not any domain module's: it was
 * identity's, and every module that asked for a {@link Clock} depended on identity's configuration
 * without saying so (a module slice without identity could not start).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
