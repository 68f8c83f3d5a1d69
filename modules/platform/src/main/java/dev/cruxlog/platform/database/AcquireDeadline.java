package dev.cruxlog.platform.database;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The pool as the application uses it: a connection within the acquire timeout
 * ({@code spring.r2dbc.pool.max-acquire-time}, {@code DB_POOL_ACQUIRE_TIMEOUT}), counted once,
 * from the moment it is asked for, or a timeout that the web layer answers with 503.
 *
 * <p>r2dbc-pool applies its acquire time to each attempt and repeats a failed attempt
 * ({@code acquire-retry}, once by default), so with every connection busy a request waited
 * twice the setting before its 503: 10 s for 5 s in {@code reliability/run.sh} R4, while the
 * waiting requests that outlived the busy ones were served late instead. The repeat is worth
 * keeping (a connection that fails validation after PostgreSQL restarted is replaced by another
 * instead of failing the request), so it stays, and this deadline bounds the whole wait.
 */
final class AcquireDeadline implements ConnectionFactory, Wrapped<ConnectionFactory>, Disposable {

    /** Reactor's context key for a subscriber-local "value dropped" hook (as r2dbc-pool uses it). */
    private static final String ON_NEXT_DROPPED = "reactor.onNextDropped.local";

    private final ConnectionPool pool;
    private final Duration deadline;

    AcquireDeadline(ConnectionPool pool, Duration deadline) {
        this.pool = pool;
        this.deadline = deadline;
    }

    @Override
    public Mono<Connection> create() {
        return Mono.from(pool.create())
                .timeout(deadline)
                .onErrorMap(TimeoutException.class, timeout -> new R2dbcTimeoutException(
                        "No database connection free within " + deadline.toMillis() + " ms", timeout))
                // A connection handed over just as the deadline passed goes back to the pool. Chained
                // to a hook already in the context, as r2dbc-pool chains its own to this one (both
                // may see the same connection; a second close of it is ignored).
                .contextWrite(context -> {
                    Consumer<Object> giveBack = AcquireDeadline::giveBack;
                    Consumer<Object> hook = context.<Consumer<Object>>getOrEmpty(ON_NEXT_DROPPED)
                            .map(earlier -> earlier.andThen(giveBack)).orElse(giveBack);
                    return context.put(ON_NEXT_DROPPED, hook);
                });
    }

    private static void giveBack(Object dropped) {
        if (dropped instanceof Connection connection) {
            Mono.defer(() -> Mono.from(connection.close())).onErrorResume(alreadyClosed -> Mono.empty()).subscribe();
        }
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return pool;
    }

    /** Boot's pool bean is destroyed by {@code dispose()}: it closes the pool under this. */
    @Override
    public void dispose() {
        pool.dispose();
    }

    @Override
    public boolean isDisposed() {
        return pool.isDisposed();
    }
}
