package dev.cruxlog.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** pool_pre_ping with a window: which checks reach the server, and that a closed connection is never valid. */
class RecentlyValidatedConnectionsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<ValidationDepth> checks = new ArrayList<>();
    private final AtomicBoolean socketOpen = new AtomicBoolean(true);
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    private final Connection raw = fakeConnection();

    private final RecentlyValidatedConnections factory = new RecentlyValidatedConnections(new ConnectionFactory() {
        @Override
        public Publisher<? extends Connection> create() {
            return Mono.just(raw);
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> "fake";
        }
    }, Duration.ofMillis(500), now::get);

    @Test
    void aConnectionOpenedOrPingedWithinTheWindowIsCheckedLocallyOnly() {
        Connection connection = Mono.from(factory.create()).block();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        validate(connection, true);
        validate(connection, true);
        assertThat(checks).containsExactly(ValidationDepth.LOCAL, ValidationDepth.LOCAL);

        now.addAndGet(Duration.ofMillis(450).toNanos());
        validate(connection, true);
        assertThat(checks).endsWith(ValidationDepth.REMOTE);

        now.addAndGet(Duration.ofMillis(300).toNanos());
        validate(connection, true);
        assertThat(checks).endsWith(ValidationDepth.LOCAL).hasSize(4);
    }

    @Test
    void aClosedSocketIsNeverValidEvenWithinTheWindow() {
        Connection connection = Mono.from(factory.create()).block();
        socketOpen.set(false);
        validate(connection, false);
        assertThat(checks).containsExactly(ValidationDepth.LOCAL);
    }

    @Test
    void aFailedRemoteCheckDoesNotOpenANewWindow() {
        Connection connection = Mono.from(factory.create()).block();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        serverAnswers.set(false);
        validate(connection, false);
        serverAnswers.set(true);
        validate(connection, true);
        assertThat(checks).containsExactly(ValidationDepth.REMOTE, ValidationDepth.REMOTE);
    }

    @Test
    void theDriversConnectionStaysReachable() {
        Connection connection = Mono.from(factory.create()).block();
        assertThat(connection).isInstanceOf(Wrapped.class);
        assertThat(((Wrapped<?>) connection).unwrap()).isSameAs(raw);
        assertThat(factory.unwrap()).isNotNull();
    }

    private void validate(Connection connection, boolean expected) {
        StepVerifier.create(connection.validate(ValidationDepth.REMOTE)).expectNext(expected).verifyComplete();
    }

    /** A connection that records which checks it was asked for; LOCAL sees the socket, REMOTE the server. */
    private Connection fakeConnection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("validate")) {
                        ValidationDepth depth = (ValidationDepth) args[0];
                        checks.add(depth);
                        return Mono.just(socketOpen.get() && (depth == ValidationDepth.LOCAL || serverAnswers.get()));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
