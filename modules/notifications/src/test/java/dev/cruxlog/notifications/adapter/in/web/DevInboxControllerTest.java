package dev.cruxlog.notifications.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The dev inbox shows reset links to anyone, so production refuses to start with it (ASVS 6.3.4). */
class DevInboxControllerTest {

    @Test
    void theProdProfileRefusesTheDevInbox() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new DevInboxController(null, null, prod))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod profile");

        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        assertThatCode(() -> new DevInboxController(null, null, dev)).doesNotThrowAnyException();
    }
}
