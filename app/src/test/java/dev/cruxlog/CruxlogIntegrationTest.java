package dev.cruxlog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cruxlog.platform.testing.TestDatabaseInitializer;
import dev.cruxlog.support.TestMailInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against this JVM's fresh test database and a real SMTP
 * server. Requests may take up to 30 s: a clean-clone run of .ci/run once took longer than the
 * 5 s default on a sign-in; a test that needs to be quick asserts it, not the client.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// The test profile leaves the API description out; this context is where it is served and tested.
// A metrics scrape token is set here, not on OperatorEndpointsTest alone, so that test shares this
// context instead of starting one of its own; no test relies on the token being absent.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"springdoc.api-docs.enabled=true", "springdoc.swagger-ui.enabled=true",
                "cruxlog.web.metrics-token=" + OperatorEndpointsTest.SCRAPE_TOKEN})
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, TestMailInitializer.class})
public @interface CruxlogIntegrationTest {
}
