package dev.cruxlog.logbook.application;

import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A transactional operator that runs what it is given as it is: the import job's tests have no database. */
final class PassThroughTransactions implements TransactionalOperator {

    @Override
    public <T> Flux<T> execute(TransactionCallback<T> action) {
        return Flux.error(new UnsupportedOperationException());
    }

    @Override
    public <T> Mono<T> transactional(Mono<T> mono) {
        return mono;
    }

    @Override
    public <T> Flux<T> transactional(Flux<T> flux) {
        return flux;
    }
}
