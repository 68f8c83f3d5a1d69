package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for which addresses Cruxlog will store and fetch as a Mountain Project profile. */
class MountainProjectProfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://www.mountainproject.com/user/200123456/alex-h",
            "mountainproject.com/user/200123456/alex-h/", "http://mountainproject.com/user/200123456/alex-h?tab=ticks"})
    void mountainProjectProfilesAreNormalised(String input) {
        assertThat(MountainProjectProfile.parse(input).url()).isEqualTo("https://www.mountainproject.com/user/200123456/alex-h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/user/1/x", "https://www.mountainproject.com.evil.example/user/1/x",
            "https://user@www.mountainproject.com/user/1/x", "https://www.mountainproject.com:8443/user/1/x",
            "https://www.mountainproject.com/route/1/x", "file:///etc/passwd"})
    void anyOtherAddressIsRefused(String input) {
        assertThatThrownBy(() -> MountainProjectProfile.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.mountainproject.com/user/200123456/alex-h", "mountainproject.com/user/200123456/alex-h/"})
    void thePathIsWhatTheImportFetchesBelowTheHost(String input) {
        assertThat(MountainProjectProfile.parse(input).path()).isEqualTo("/user/200123456/alex-h");
    }
}
