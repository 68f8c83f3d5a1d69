package dev.cruxlog.platform.database;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ValidationDepth;

/**
 * The one connection health asks PostgreSQL on, apart from the application's pool: with every
 * pooled connection busy (a slow or locked database under load) health must still answer at
 * once, and answer about the database, not about the queue for it. Measured before: the health
 * check waited behind the requests for the acquire timeout (reliability/run.sh R4).
 *
 * <p>Not a {@link ConnectionFactory} bean (the application has one), a holder of its own small
 * pool: one connection, opened when first asked for, checked locally (socket open) before each
 * use because the health query itself is the round trip; a second concurrent check waits at most
 * the acquire time below for it, so however often health is asked it costs PostgreSQL one
 * connection.
 */
final class HealthConnection {

    private static final Duration WAIT_FOR_IT = Duration.ofSeconds(2);

    private final ConnectionPool pool;

    HealthConnection(ConnectionFactoryOptions options, Duration connectTimeout) {
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .name("health")
                .initialSize(0)
                .maxSize(1)
                .maxAcquireTime(WAIT_FOR_IT)
                .acquireRetry(0)
                .maxCreateConnectionTime(connectTimeout)
                .maxIdleTime(Duration.ofMinutes(5))
                .validationDepth(ValidationDepth.LOCAL)
                .build());
    }

    ConnectionFactory connectionFactory() {
        return pool;
    }

    /** Closes the connection when the context closes. */
    void dispose() {
        pool.dispose();
    }
}
