package dev.cruxlog.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Sends the application's email to {@link TestMail}'s GreenMail server. */
public class TestMailInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + TestMail.port())
                .applyTo(context.getEnvironment());
    }
}
