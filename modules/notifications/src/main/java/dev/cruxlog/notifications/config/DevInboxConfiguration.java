package dev.cruxlog.notifications.config;

import dev.cruxlog.platform.web.PublicPaths;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The development inbox's path is open to visitors under the same condition as the inbox itself
 * (DevInboxController, which refuses to start outside the dev and test profiles).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("cruxlog.mail.dev-inbox")
class DevInboxConfiguration {

    @Bean
    PublicPaths devInboxPaths() {
        return PublicPaths.of("/dev/mail");
    }
}
