package dev.cruxlog.platform.database;

import java.time.Duration;
import java.util.List;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The PRD's {@code session.py}, done for R2DBC.
 *
 * <p>Spring Boot builds the {@code ConnectionFactory} and wraps it in r2dbc-pool
 * ({@code spring.r2dbc.pool.*}: initial 5, max 15, acquire timeout 30 s, remote validation
 * before hand-out, idle and life limits; see application.yml). This class only tells it
 * <em>where</em> the server is and how every connection must behave: connect timeout,
 * TCP keep-alive, server-side statement and lock timeouts, application name. It also
 * runs every module's migrations before anything else may use the database, and makes the
 * acquire timeout the whole wait for a connection ({@link AcquireDeadline}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        if (properties.hasUrl()) {
            return DatabaseServer.external(DatabaseUrl.parse(properties.url()));
        }
        return EmbeddedDatabaseServer.start(properties.embedded());
    }

    @Bean
    R2dbcConnectionDetails r2dbcConnectionDetails(DatabaseServer server, DatabaseProperties properties) {
        ConnectionFactoryOptions options = connectionOptions(server.url(), properties);
        return () -> options;
    }

    /** Under the pool: remote validation at most once per window per connection (ADR 0011). */
    @Bean
    ConnectionFactoryDecorator recentlyValidatedConnections(DatabaseProperties properties) {
        return connectionFactory -> properties.validationWindow().isZero() ? connectionFactory
                : new RecentlyValidatedConnections(connectionFactory, properties.validationWindow());
    }

    /** Boot's pool, behind a deadline that is the acquire timeout for the whole wait, repeats included. */
    @Bean
    static BeanPostProcessor acquireDeadline(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof ConnectionPool)) {
                    return bean;
                }
                // Unset or negative: r2dbc-pool waits without limit, and so does this (zero fails at once in both).
                Duration timeout = Binder.get(environment).bind("spring.r2dbc.pool.max-acquire-time", Duration.class)
                        .orElse(Duration.ofSeconds(-1));
                return timeout.isNegative() ? bean : new AcquireDeadline((ConnectionPool) bean, timeout);
            }
        };
    }

    /**
     * Health's database component ("r2dbc", the name Spring Boot's own indicator had): the last
     * outcome of a probe that asks the server itself ({@code SELECT 1}) every
     * {@code health-probe.interval} on a connection of its own. Not a pooled connection: the
     * pool's check is answered locally within {@link RecentlyValidatedConnections}' window, so
     * health would read UP for that long after PostgreSQL went away behind an open socket; and
     * on its own connection the probe is not queued behind the requests when every pooled
     * connection is busy. Health itself never waits for the database ({@link DatabaseHealthProbe}).
     */
    @Bean(initMethod = "start", destroyMethod = "stop")
    DatabaseHealthProbe r2dbcHealthIndicator(HealthConnection connection, DatabaseProperties properties) {
        return new DatabaseHealthProbe(connection.connectionFactory(), properties.healthProbe().interval(),
                properties.healthProbe().answerWithin(), System::nanoTime);
    }

    @Bean(destroyMethod = "dispose")
    HealthConnection healthConnection(R2dbcConnectionDetails details, DatabaseProperties properties) {
        return new HealthConnection(details.getConnectionFactoryOptions(), properties.connectTimeout());
    }

    @Bean
    ModuleSchema platformSchema() {
        return new ModuleSchema("platform", 0);
    }

    /** Created eagerly with the context, so migrations finish before the server accepts traffic. */
    @Bean(initMethod = "migrate")
    SchemaMigrations schemaMigrations(DatabaseServer server, ObjectProvider<ModuleSchema> schemas) {
        return new SchemaMigrations(server.url(), List.copyOf(schemas.orderedStream().toList()));
    }

    /** The options every Cruxlog connection is opened with; the job queue's listener reuses them. */
    public static ConnectionFactoryOptions connectionOptions(DatabaseUrl url, DatabaseProperties properties) {
        ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, url.host())
                .option(ConnectionFactoryOptions.PORT, url.port())
                .option(ConnectionFactoryOptions.DATABASE, url.database())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, properties.connectTimeout())
                .option(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, properties.tcpKeepAlive())
                .option(PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT, properties.statementTimeout())
                .option(PostgresqlConnectionFactoryProvider.LOCK_WAIT_TIMEOUT, properties.lockWaitTimeout())
                .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, properties.applicationName());
        if (!url.username().isEmpty()) {
            builder.option(ConnectionFactoryOptions.USER, url.username());
        }
        if (!url.password().isEmpty()) {
            builder.option(ConnectionFactoryOptions.PASSWORD, url.password());
        }
        String sslMode = url.params().get("sslmode");
        if (sslMode != null) {
            builder.option(PostgresqlConnectionFactoryProvider.SSL_MODE,
                    io.r2dbc.postgresql.client.SSLMode.fromValue(sslMode));
        }
        return builder.build();
    }
}
