package dev.cruxlog.logbook.adapter.out.eighta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    private static final String ROBOTS = """
            # 8a.nu-like rules
            User-agent: GPTBot
            Disallow: /

            User-agent: *
            Disallow: /admin
            Disallow: /*/private$
            Allow: /admin/public
            Disallow: /unificationAPI/ascent/v1/web/users/*/ascents?secret
            """;

    @Test
    void theStarGroupAppliesWithLongestMatchAndWildcards() {
        RobotsTxt robots = RobotsTxt.parse(ROBOTS, "cruxlog");
        assertThat(robots.allows("/user/chris-rush")).isTrue();
        assertThat(robots.allows("/admin/users")).isFalse();
        assertThat(robots.allows("/admin/public/page")).as("the longer Allow wins").isTrue();
        assertThat(robots.allows("/user/private")).isFalse();
        assertThat(robots.allows("/user/private/more")).as("$ anchors the end").isTrue();
        assertThat(robots.allows("/unificationAPI/ascent/v1/web/users/x/ascents?secret=1")).isFalse();
        assertThat(robots.allows("/unificationAPI/ascent/v1/web/users/x/ascents?category=bouldering")).isTrue();
    }

    @Test
    void aGroupNamingUsWinsOverTheStarGroupAndEmptyFilesAllowEverything() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /\n\nUser-agent: Cruxlog\nDisallow: /admin\n", "cruxlog");
        assertThat(robots.allows("/user/chris-rush")).isTrue();
        assertThat(robots.allows("/admin")).isFalse();
        assertThat(RobotsTxt.parse("", "cruxlog").allows("/anything")).isTrue();
        assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "cruxlog").allows("/anything")).isTrue();
    }

    @Test
    void retryAfterInSecondsOrAsADateAndABackoffWithoutOne() {
        assertThat(WebClientEightAProfiles.retryAfter("7", 0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(WebClientEightAProfiles.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 0)).isEqualTo(Duration.ZERO);
        assertThat(WebClientEightAProfiles.retryAfter(null, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WebClientEightAProfiles.retryAfter("soon", 2)).isEqualTo(Duration.ofSeconds(20));
    }
}
