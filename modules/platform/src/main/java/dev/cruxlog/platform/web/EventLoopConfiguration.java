package dev.cruxlog.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The HTTP server's and HTTP clients' event loops and connection pool belong to this
 * application context, not to Reactor Netty's JVM-wide globals.
 *
 * <p>Why: Spring's default {@link ReactorResourceFactory} uses the global {@code HttpResources}
 * and disposes them when its context stops. In one JVM with several contexts (the test suite
 * starts a second application in some tests and closes it), closing one context shut down the
 * event loops and client pool every other context was still serving on: a request then waited
 * until the client's 30 s timeout with no trace on the server (no request in flight, the pool
 * idle), in about one CI run in two. Owned resources are disposed with their own context only.
 * In production there is one context, so this changes nothing but the threads' names.
 */
@Configuration(proxyBeanMethods = false)
class EventLoopConfiguration {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
