package dev.cruxlog.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.pool.PoolAcquireTimeoutException;

/**
 * Backs the README's promise that a request waiting longer than DB_POOL_ACQUIRE_TIMEOUT for a
 * connection is answered 503, not 500: the pool's own timeout, however Spring wraps it, is recognised.
 */
class DatabaseUnavailableTest {

    @Test
    void aPoolAcquireTimeoutIsRecognisedBareAndWrapped() {
        PoolAcquireTimeoutException timeout = new PoolAcquireTimeoutException(Duration.ofSeconds(30));
        assertThat(DatabaseUnavailable.isCause(timeout)).isTrue();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("request failed", timeout))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new TimeoutException("acquire")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new DataAccessResourceFailureException("gone"))).isTrue();
    }

    @Test
    void ordinaryFailuresAreNotMistakenForAnOutage() {
        assertThat(DatabaseUnavailable.isCause(new IllegalArgumentException("bad grade"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    }
}
