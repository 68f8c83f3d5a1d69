package dev.cruxlog.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The HTTP server's and HTTP clients' event loops and connection pool belong to this
 * application context, not to Reactor Netty's JVM-wide globals.
 *
 * <p>Why: Spring's default {@link ReactorResourceFactory} uses the global {@code HttpResources}
 * and disposes them when its context stops. In one JVM with several contexts (the test suite
 * starts a second application in some tests and closes it), closing one context would shut
 * down the event loops and client pool that every other context still serves on. Owned
 * resources go with their own context only. (This was first suspected of the suite's rare 30 s
 * hangs; those were a Reactor Netty keep-alive bug, see the root pom and
 * KeepAliveConnectionsTest.) In production there is one context, so this changes nothing but
 * the threads' names.
 *
 * <p>Boot's own factory, which this one replaces, takes its shutdown quiet period from
 * {@code spring.reactor.netty.shutdown-quiet-period}; this one does too (the test profile sets it
 * to 0 s, so the suite's many contexts do not each wait out the 2 s default on closing).
 */
@Configuration(proxyBeanMethods = false)
class EventLoopConfiguration {

    @Bean
    ReactorResourceFactory reactorResourceFactory(Environment environment) {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        Binder.get(environment).bind("spring.reactor.netty.shutdown-quiet-period", Duration.class)
                .ifBound(factory::setShutdownQuietPeriod);
        return factory;
    }
}
