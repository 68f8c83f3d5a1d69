package dev.cruxlog.platform.database;

import java.time.Duration;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The PRD's {@code pool_pre_ping} without a round trip on every acquire (ADR 0011).
 *
 * <p>The pool validates every connection it hands out ({@code validation-depth: remote}). A
 * remote check is a {@code SELECT 1}-style round trip; on the ticks page it was one of two
 * round trips per request. This decorator sits under the pool and answers a remote check
 * locally (is the socket open, is the connection not closed) when the connection passed a
 * remote check, or was opened, within the last {@code window}. A connection the server or the
 * network closed is still never handed out: its socket is closed, which the local check sees.
 * What the window gives up is the one case no local check can see, a peer that vanished
 * without closing the socket in the last few hundred milliseconds; such a connection fails
 * its query as it would have failed one moment after a successful ping.
 */
public final class RecentlyValidatedConnections implements ConnectionFactory, Wrapped<ConnectionFactory> {

    private final ConnectionFactory delegate;
    private final long windowNanos;
    private final Clock clock;

    /** Monotonic time, replaceable in tests. */
    @FunctionalInterface
    public interface Clock {
        long nanoTime();
    }

    public RecentlyValidatedConnections(ConnectionFactory delegate, Duration window) {
        this(delegate, window, System::nanoTime);
    }

    public RecentlyValidatedConnections(ConnectionFactory delegate, Duration window, Clock clock) {
        this.delegate = delegate;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(connection -> new RecentlyValidated(connection, clock.nanoTime()));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return delegate;
    }

    private final class RecentlyValidated implements Connection, Wrapped<Connection> {

        private final Connection connection;
        /** When the server last answered on this connection (opened, or a remote check). */
        private volatile long healthyAt;

        RecentlyValidated(Connection connection, long openedAt) {
            this.connection = connection;
            this.healthyAt = openedAt;
        }

        @Override
        public Publisher<Boolean> validate(ValidationDepth depth) {
            if (depth == ValidationDepth.REMOTE) {
                if (clock.nanoTime() - healthyAt < windowNanos) {
                    return connection.validate(ValidationDepth.LOCAL);
                }
                return Mono.from(connection.validate(ValidationDepth.REMOTE)).doOnNext(valid -> {
                    if (valid) {
                        healthyAt = clock.nanoTime();
                    }
                });
            }
            return connection.validate(depth);
        }

        @Override
        public Connection unwrap() {
            return connection;
        }

        @Override
        public Publisher<Void> beginTransaction() {
            return connection.beginTransaction();
        }

        @Override
        public Publisher<Void> beginTransaction(TransactionDefinition definition) {
            return connection.beginTransaction(definition);
        }

        @Override
        public Publisher<Void> close() {
            return connection.close();
        }

        @Override
        public Publisher<Void> commitTransaction() {
            return connection.commitTransaction();
        }

        @Override
        public Batch createBatch() {
            return connection.createBatch();
        }

        @Override
        public Publisher<Void> createSavepoint(String name) {
            return connection.createSavepoint(name);
        }

        @Override
        public Statement createStatement(String sql) {
            return connection.createStatement(sql);
        }

        @Override
        public boolean isAutoCommit() {
            return connection.isAutoCommit();
        }

        @Override
        public ConnectionMetadata getMetadata() {
            return connection.getMetadata();
        }

        @Override
        public IsolationLevel getTransactionIsolationLevel() {
            return connection.getTransactionIsolationLevel();
        }

        @Override
        public Publisher<Void> releaseSavepoint(String name) {
            return connection.releaseSavepoint(name);
        }

        @Override
        public Publisher<Void> rollbackTransaction() {
            return connection.rollbackTransaction();
        }

        @Override
        public Publisher<Void> rollbackTransactionToSavepoint(String name) {
            return connection.rollbackTransactionToSavepoint(name);
        }

        @Override
        public Publisher<Void> setAutoCommit(boolean autoCommit) {
            return connection.setAutoCommit(autoCommit);
        }

        @Override
        public Publisher<Void> setLockWaitTimeout(Duration timeout) {
            return connection.setLockWaitTimeout(timeout);
        }

        @Override
        public Publisher<Void> setStatementTimeout(Duration timeout) {
            return connection.setStatementTimeout(timeout);
        }

        @Override
        public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
            return connection.setTransactionIsolationLevel(isolationLevel);
        }
    }
}
