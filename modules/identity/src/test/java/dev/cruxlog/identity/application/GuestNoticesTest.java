package dev.cruxlog.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.platform.web.PageNotices.Notice;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class GuestNoticesTest {

    private final GuestNotices notices = new GuestNotices();

    @Test
    void aGuestIsToldOnEveryPageThatTheLogbookIsASampleAndHowToKeepIt() {
        CurrentUser guest = new CurrentUser(UUID.randomUUID(), "guest-abcdefghij", "guest-abcdefghij" + CurrentUser.GUEST_EMAIL_DOMAIN,
                true, Tier.FREE, Set.of(Role.USER));

        StepVerifier.create(notices.forUser(guest).map(Notice::link)).expectNext("/account#keep").verifyComplete();
    }

    @Test
    void aClimberIsNotEvenOneWhoseAddressMerelyMentionsTheGuestDomain() {
        CurrentUser climber = new CurrentUser(UUID.randomUUID(), "guest-lover", "guest.cruxlog.invalid@example.com", true,
                Tier.FREE, Set.of(Role.USER));

        assertThat(climber.isGuest()).isFalse();
        StepVerifier.create(notices.forUser(climber)).verifyComplete();
    }
}
