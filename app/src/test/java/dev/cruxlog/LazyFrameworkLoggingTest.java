package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Spring's own classes log through Apache Commons Logging. Its SLF4J adapter turns every
 * message into a String before asking whether the level is on, and Spring Security logs a
 * debug line per matcher per request (with each matcher's patterns in it): on the ticks page
 * that was about 2 % of the CPU (docs/benchmarks.md). Cruxlog routes Commons Logging through
 * the Log4j API (META-INF/services), which asks first, then on to SLF4J and Logback.
 */
class LazyFrameworkLoggingTest {

    @Test
    void aDisabledMessageIsNeverBuiltAndAnEnabledOneStillReachesLogback() {
        String name = "dev.cruxlog.lazy-logging-probe";
        Logger backend = (Logger) LoggerFactory.getLogger(name);
        backend.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        backend.addAppender(events);
        try {
            Log log = LogFactory.getLog(name);
            AtomicInteger built = new AtomicInteger();
            Object message = new Object() {
                @Override
                public String toString() {
                    built.incrementAndGet();
                    return "the matcher's patterns";
                }
            };

            log.debug(message);
            assertThat(built).as("a debug message built while debug is off").hasValue(0);

            log.warn(message);
            assertThat(built).hasValue(1);
            assertThat(events.list).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).isEqualTo("the matcher's patterns");
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
            });
        } finally {
            backend.detachAppender(events);
        }
    }
}
