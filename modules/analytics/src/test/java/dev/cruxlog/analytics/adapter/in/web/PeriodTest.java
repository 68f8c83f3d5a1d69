package dev.cruxlog.analytics.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void namedPeriodsIgnoreLeftoverDatesAndDatesAloneMakeARange() {
        LocalDate may = LocalDate.of(2024, 5, 1);
        LocalDate june = LocalDate.of(2024, 6, 1);
        assertThat(Period.of(null, null, null, TODAY)).isEqualTo(new Period("all", null, null));
        assertThat(Period.of("12m", may, june, TODAY)).isEqualTo(new Period("12m", LocalDate.of(2025, 11, 28), null));
        assertThat(Period.of("all", may, null, TODAY)).isEqualTo(new Period("all", null, null));
        assertThat(Period.of(null, may, june, TODAY)).isEqualTo(new Period("range", may, june));
        assertThat(Period.of("range", june, may, TODAY)).as("backwards reads forwards").isEqualTo(new Period("range", may, june));
        assertThat(Period.of("range", null, null, TODAY)).as("no dates typed: all time").isEqualTo(new Period("all", null, null));
    }

    @Test
    void aDateThatIsNoDateIsLeftOutAndSaidSo() {
        Period period = new Period.Request("range", "garbage", "2024-06-01").resolve(TODAY);
        assertThat(period.window()).isEqualTo("range");
        assertThat(period.from()).isNull();
        assertThat(period.to()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(period.problem()).isEqualTo("'garbage' is not a date (use YYYY-MM-DD), so it was left out.");
        assertThat(new Period.Request(null, "2024-01-01", "").resolve(TODAY).problem()).isNull();
    }

    @Test
    void theQueryShowsThePeriodAgain() {
        assertThat(new Period("range", LocalDate.of(2024, 5, 1), null).query()).isEqualTo("&from=2024-05-01");
        assertThat(new Period("12m", LocalDate.of(2025, 11, 28), null).query()).isEqualTo("&window=12m");
        assertThat(new Period("all", null, null).query()).isEmpty();
    }
}
