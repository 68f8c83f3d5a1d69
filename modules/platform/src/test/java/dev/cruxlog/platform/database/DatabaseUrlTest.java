package dev.cruxlog.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://climber:s3cret@db.example.com:6543/cruxlog",
            "postgres://climber:s3cret@db.example.com:6543/cruxlog",
            "r2dbc:postgresql://climber:s3cret@db.example.com:6543/cruxlog",
            "r2dbc:pool:postgresql://climber:s3cret@db.example.com:6543/cruxlog",
            "jdbc:postgresql://db.example.com:6543/cruxlog?user=climber&password=s3cret"})
    void everyAcceptedFormParsesToTheSameLocation(String raw) {
        DatabaseUrl url = DatabaseUrl.parse(raw);
        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("cruxlog");
        assertThat(url.username()).isEqualTo("climber");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.params()).isEmpty();
    }

    @Test
    void defaultsThePortAndDecodesEscapedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Ass%2Fw@localhost/my_db?sslmode=require");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.username()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p:ss/w");
        assertThat(url.params()).isEqualTo(Map.of("sslmode", "require"));
    }

    @Test
    void jdbcUrlKeepsParametersButNeverCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pw@h:1/d?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d?sslmode=require");
    }

    @Test
    void roundTripsThroughItsOwnStringForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Ass@host:5433/db?sslmode=disable");
        assertThat(DatabaseUrl.parse(url.toUrlString())).isEqualTo(url);
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:topsecret@h/d").toString())
                .doesNotContain("topsecret").contains("u:***@h:5432/d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mysql://u@h/d", "postgresql://u@h", "postgresql:///d"})
    void rejectsWhatIsNotAPostgresUrlWithoutLeakingSecrets(String raw) {
        assertThatThrownBy(() -> DatabaseUrl.parse(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void errorMessagesRedactPasswords() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@h/d"))
                .hasMessageNotContaining("hunter2");
    }
}
