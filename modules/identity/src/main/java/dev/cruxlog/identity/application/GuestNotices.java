package dev.cruxlog.identity.application;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.platform.web.PageNotices;
import dev.cruxlog.platform.web.SignedInUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A sample logbook says so on every page, with the way to keep it: what a guest does lives a
 * week ({@link ExpiredGuests}) unless they make it their own account.
 */
@Component
class GuestNotices implements PageNotices {

    @Override
    public Flux<Notice> forUser(SignedInUser user) {
        return user instanceof CurrentUser climber && climber.isGuest()
                ? Flux.just(new Notice("You are trying Cruxlog with a sample logbook; it is erased after a week.",
                        "Keep it as your own account", "/account#keep"))
                : Flux.empty();
    }
}
