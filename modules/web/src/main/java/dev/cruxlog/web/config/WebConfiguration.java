package dev.cruxlog.web.config;

import dev.cruxlog.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web module's beans: controllers only answer requests. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** The terms of use and the privacy notice are for everyone, signed in or not. */
    @Bean
    PublicPaths legalPaths() {
        return PublicPaths.of("/terms", "/privacy");
    }
}
