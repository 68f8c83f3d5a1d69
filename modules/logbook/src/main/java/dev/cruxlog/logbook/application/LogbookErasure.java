package dev.cruxlog.logbook.application;

import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class LogbookErasure implements ErasesAccountData {

    private final Ticks ticks;
    private final Imports imports;

    LogbookErasure(Ticks ticks, Imports imports) {
        this.ticks = ticks;
        this.imports = imports;
    }

    @Override
    public String module() {
        return "logbook";
    }

    @Override
    public Mono<Void> erase(AccountErased event) {
        return ticks.eraseOwnedBy(event.ownerId()).then(imports.eraseOwnedBy(event.ownerId()));
    }
}
