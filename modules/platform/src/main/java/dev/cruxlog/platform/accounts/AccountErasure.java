package dev.cruxlog.platform.accounts;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes {@link AccountErased} to every module, one after another, in the caller's
 * reactive transaction.
 */
@Component
public class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final List<ErasesAccountData> modules;

    public AccountErasure(List<ErasesAccountData> modules) {
        this.modules = List.copyOf(modules);
    }

    public Mono<Void> publish(AccountErased event) {
        return Flux.fromIterable(modules)
                .concatMap(module -> module.erase(event)
                        .doOnSuccess(done -> log.info("Erased {} data of account {}", module.module(), event.ownerId())))
                .then();
    }
}
