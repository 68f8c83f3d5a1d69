package dev.cruxlog.analytics.application;

import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class AnalyticsErasure implements ErasesAccountData {

    private final RouteCharacters characters;
    private final LogbookFigures figures;
    private final PyramidMemo pyramids;
    private final WindowedOverviews overviews;

    AnalyticsErasure(RouteCharacters characters, LogbookFigures figures, PyramidMemo pyramids, WindowedOverviews overviews) {
        this.characters = characters;
        this.figures = figures;
        this.pyramids = pyramids;
        this.overviews = overviews;
    }

    @Override
    public String module() {
        return "analytics";
    }

    @Override
    public Mono<Void> erase(AccountErased event) {
        return characters.eraseOwnedBy(event.ownerId()).then(figures.eraseOwnedBy(event.ownerId()))
                .doOnSuccess(done -> {
                    pyramids.forget(event.ownerId());
                    overviews.forget(event.ownerId());
                });
    }
}
