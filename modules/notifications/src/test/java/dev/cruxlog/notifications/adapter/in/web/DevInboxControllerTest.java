package dev.cruxlog.notifications.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The dev inbox shows reset links to anyone: only the dev and test profiles may have it (ASVS 6.3.4). */
class DevInboxControllerTest {

    @Test
    void theProdProfileRefusesTheDevInbox() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new DevInboxController(null, null, prod))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never with prod");

        MockEnvironment none = new MockEnvironment();
        assertThatThrownBy(() -> new DevInboxController(null, null, none))
                .as("no profile, as a plain deployment runs").isInstanceOf(IllegalStateException.class);
        MockEnvironment devAndProd = new MockEnvironment();
        devAndProd.setActiveProfiles("dev", "prod");
        assertThatThrownBy(() -> new DevInboxController(null, null, devAndProd)).isInstanceOf(IllegalStateException.class);

        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        assertThatCode(() -> new DevInboxController(null, null, dev)).doesNotThrowAnyException();
    }
}
