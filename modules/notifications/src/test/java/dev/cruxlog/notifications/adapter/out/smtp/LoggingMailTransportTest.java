package dev.cruxlog.notifications.adapter.out.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cruxlog.notifications.application.RenderedEmail;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

/** Issue #15, point 4: without SMTP, an email's body (and the token in its link) never reaches the log. */
class LoggingMailTransportTest {

    @Test
    void theLogNamesRecipientAndSubjectButNeverTheBodyOrItsLink() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoggingMailTransport.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            RenderedEmail email = new RenderedEmail("climber@example.test", "Reset your Cruxlog password",
                    "<p><a href=\"https://cruxlog.example/reset-password?token=SECRET-TOKEN-123\">Reset</a></p>",
                    "Open https://cruxlog.example/reset-password?token=SECRET-TOKEN-123 within an hour.");

            StepVerifier.create(new LoggingMailTransport().send(email)).verifyComplete();

            assertThat(logged.list).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains("climber@example.test").contains("Reset your Cruxlog password")
                        .doesNotContain("SECRET-TOKEN-123").doesNotContain("reset-password?");
            });
        } finally {
            logger.detachAppender(logged);
        }
    }
}
