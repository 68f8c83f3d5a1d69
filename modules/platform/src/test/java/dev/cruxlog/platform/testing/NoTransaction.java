package dev.cruxlog.platform.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link TransactionalOperator} for services tested alone against in-memory ports: whether
 * writes commit together is the store's concern, so each unit simply runs, and is counted (a
 * test can say how many transactions a use case opens).
 */
public final class NoTransaction implements TransactionalOperator {

    private final AtomicInteger transactions = new AtomicInteger();

    /** How many units of work were run as transactions so far. */
    public int transactions() {
        return transactions.get();
    }

    @Override
    public <T> Flux<T> transactional(Flux<T> flux) {
        return Flux.defer(() -> {
            transactions.incrementAndGet();
            return flux;
        });
    }

    @Override
    public <T> Mono<T> transactional(Mono<T> mono) {
        return Mono.defer(() -> {
            transactions.incrementAndGet();
            return mono;
        });
    }

    @Override
    public <T> Flux<T> execute(TransactionCallback<T> action) {
        return Flux.defer(() -> {
            transactions.incrementAndGet();
            return Flux.from(action.doInTransaction(null));
        });
    }
}
