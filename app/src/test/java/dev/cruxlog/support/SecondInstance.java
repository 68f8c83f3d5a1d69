package dev.cruxlog.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cruxlog.CruxlogApplication;
import dev.cruxlog.platform.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another Cruxlog instance in this JVM on the same database, as a second instance behind a load
 * balancer would be: its own event loops, pools and listeners, sharing only PostgreSQL. It runs
 * no jobs, so whatever a job does happens on the test's own instance.
 */
public final class SecondInstance implements AutoCloseable {

    private static SecondInstance shared;

    private final ConfigurableApplicationContext context;
    private final WebTestClient http;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port())
                .responseTimeout(Duration.ofSeconds(90)).build();
    }

    /** Started on the database at that URL; more arguments ({@code --name=value}) are added as given. */
    public static SecondInstance on(String databaseUrl, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--cruxlog.jobs.enabled=false",
                "--cruxlog.database.url=" + databaseUrl));
        all.addAll(List.of(arguments));
        return new SecondInstance(new SpringApplicationBuilder(CruxlogApplication.class).profiles("test")
                .run(all.toArray(String[]::new)));
    }

    /**
     * The one instance on this JVM's shared test database, started by the first test that asks
     * and closed with the JVM (Spring's shutdown hook): a start costs some 5 s of CPU, and the
     * tests that ask for it need no settings of their own. Not to be closed by a test.
     */
    public static synchronized SecondInstance onTheSharedDatabase() {
        if (shared == null) {
            shared = on(TestDatabase.shared().url().toUrlString());
        }
        return shared;
    }

    /** Its HTTP port, for clients other than {@link #http()}. */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** A client of this instance's HTTP port. */
    public WebTestClient http() {
        return http;
    }

    @Override
    public void close() {
        context.close();
    }
}
