package dev.cruxlog.coach.application;

import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Deleting an account deletes its coach profile, conversations, messages and usage counts. */
@Component
class CoachErasure implements ErasesAccountData {

    private final ClimberProfiles profiles;
    private final Conversations conversations;
    private final DailyUsage usage;

    CoachErasure(ClimberProfiles profiles, Conversations conversations, DailyUsage usage) {
        this.profiles = profiles;
        this.conversations = conversations;
        this.usage = usage;
    }

    @Override
    public String module() {
        return "coach";
    }

    @Override
    public Mono<Void> erase(AccountErased event) {
        return profiles.eraseOwnedBy(event.ownerId())
                .then(conversations.eraseOwnedBy(event.ownerId()))
                .then(usage.eraseOwnedBy(event.ownerId()));
    }
}
