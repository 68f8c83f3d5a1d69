package dev.cruxlog.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.cruxlog.platform.database.DatabaseUrl;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each way {@link TestDatabase} finds a server, where it can run here; the others are
 * skipped with the reason (no Docker engine, running as root) but still compiled.
 */
class TestDatabaseTest {

    @Test
    void anExplicitUrlWinsAndGetsAFreshDatabaseThatIsDroppedAfterwards() {
        Optional<DatabaseUrl> local = TestDatabaseServer.localhost().find();
        assumeTrue(local.isPresent(), "needs the local server to stand in for TEST_DATABASE_URL");
        TestDatabase database = TestDatabase.create(List.of(
                TestDatabaseServer.explicit(local.get().toUrlString()), TestDatabaseServer.localhost()));

        assertThat(database.source()).isEqualTo("TEST_DATABASE_URL");
        assertThat(database.url().database()).startsWith("cruxlog_test_");
        assertThat(selectOne(database.url())).isEqualTo(1);
        assertThat(exists(local.get(), database.url().database())).isTrue();

        database.drop();
        assertThat(exists(local.get(), database.url().database())).isFalse();
    }

    @Test
    void withoutAnExplicitUrlTheLocalServerIsUsed() {
        assumeTrue(TestDatabaseServer.localhost().find().isPresent(), "nothing on localhost:5432");
        TestDatabase database = TestDatabase.create(List.of(TestDatabaseServer.explicit(""), TestDatabaseServer.localhost()));
        try {
            assertThat(database.source()).isEqualTo("localhost:5432");
            assertThat(selectOne(database.url())).isEqualTo(1);
        } finally {
            database.drop();
        }
    }

    @Test
    void testcontainersIsUsedWhenDockerAnswers() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine answers here");
        TestDatabase database = TestDatabase.create(List.of(TestDatabaseServer.testcontainers()));
        try {
            assertThat(selectOne(database.url())).isEqualTo(1);
        } finally {
            database.drop();
        }
    }

    @Test
    void embeddedPostgresIsUsedByNonRootUsers() {
        assumeFalse("root".equals(System.getProperty("user.name")), "PostgreSQL's initdb refuses root");
        TestDatabase database = TestDatabase.create(List.of(TestDatabaseServer.embedded()));
        try {
            assertThat(selectOne(database.url())).isEqualTo(1);
        } finally {
            database.drop();
        }
    }

    @Test
    void whenNothingIsAvailableTheErrorSaysWhatWasTriedAndWhatToSet() {
        assertThatThrownBy(() -> TestDatabase.create(List.of(TestDatabaseServer.explicit(null))))
                .hasMessageContaining("TEST_DATABASE_URL: not set")
                .hasMessageContaining("Set TEST_DATABASE_URL=");
    }

    private static Integer selectOne(DatabaseUrl url) {
        return Mono.usingWhen(ConnectionFactories.get(TestDatabase.options(url)).create(),
                connection -> Mono.from(connection.createStatement("SELECT 1").execute())
                        .flatMap(result -> Mono.from(result.map(row -> row.get(0, Integer.class)))),
                Connection::close).block(Duration.ofSeconds(30));
    }

    private static boolean exists(DatabaseUrl server, String name) {
        return Mono.usingWhen(ConnectionFactories.get(TestDatabase.options(server)).create(),
                connection -> Flux.from(connection.createStatement("SELECT count(*) FROM pg_database WHERE datname = $1")
                                .bind("$1", name).execute())
                        .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                        .next(),
                Connection::close).block(Duration.ofSeconds(30)) > 0;
    }
}
