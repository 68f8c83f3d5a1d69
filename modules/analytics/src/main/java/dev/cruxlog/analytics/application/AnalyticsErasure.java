package dev.cruxlog.analytics.application;

import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class AnalyticsErasure implements ErasesAccountData {

    private final RouteCharacters characters;

    AnalyticsErasure(RouteCharacters characters) {
        this.characters = characters;
    }

    @Override
    public String module() {
        return "analytics";
    }

    @Override
    public Mono<Void> erase(AccountErased event) {
        return characters.eraseOwnedBy(event.ownerId());
    }
}
