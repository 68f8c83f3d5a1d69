package dev.cruxlog.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database of its own for a test context whose configuration differs from the shared one
 * (another mail transport, another Mountain Project address...). Spring keeps test
 * contexts alive for reuse, and each runs job workers: on a shared database, one context's
 * worker would take the other's jobs and run them with the wrong configuration.
 */
public class IsolatedTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.create(TestDatabase.defaultServers());
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-isolated-test-database"));
        TestPropertyValues.of("cruxlog.database.url=" + database.url().toUrlString()).applyTo(context.getEnvironment());
    }
}
