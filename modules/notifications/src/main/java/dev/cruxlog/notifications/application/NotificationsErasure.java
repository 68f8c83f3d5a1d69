package dev.cruxlog.notifications.application;

import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class NotificationsErasure implements ErasesAccountData {

    private final EmailOutbox outbox;

    NotificationsErasure(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String module() {
        return "notifications";
    }

    @Override
    public Mono<Void> erase(AccountErased event) {
        return outbox.eraseOwnedBy(event.ownerId());
    }
}
