package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.Optional;

import dev.cruxlog.identity.EightAProfile;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.domain.AscentTerms;
import dev.cruxlog.logbook.domain.LocationPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small rules the source translators share, each with the cases real exports contain. */
class SourceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"31/May/23, 2023-05-31, false", "??/Apr/23, 2023-04-01, true", "???/2023, 2023-01-01, true",
            "5/Jun/87, 1987-06-05, false", "2023-06-01, 2023-06-01, false", "01/06/2023, 2023-06-01, false"})
    void ukcDatesIncludingTheOnesWithoutADay(String text, String expected, boolean assumed) {
        UkcRows.UkcDate date = UkcRows.date(text, TODAY);
        assertThat(date.date()).isEqualTo(LocalDate.parse(expected));
        assertThat(date.assumption() != null).isEqualTo(assumed);
    }

    @Test
    void ukcDatesThatAreNoDates() {
        assertThat(UkcRows.date("31/Foo/23", TODAY)).isNull();
        assertThat(UkcRows.date("31/Feb/23", TODAY)).isNull();
        assertThat(UkcRows.date("", TODAY)).isNull();
    }

    @Test
    void eightAProfilesAreTheirSlugAndNothingElse() {
        assertThat(EightAProfile.parse("Chris-Rush").slug()).isEqualTo("chris-rush");
        assertThat(EightAProfile.parse("https://www.8a.nu/user/chris-rush/sportclimbing").slug()).isEqualTo("chris-rush");
        assertThat(EightAProfile.parse("www.8a.nu/user/natalie-udelarms").address())
                .isEqualTo("https://www.8a.nu/user/natalie-udelarms");
        assertThatThrownBy(() -> EightAProfile.parse("../../admin")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EightAProfile.parse("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EightAProfile.parse("https://evil.example/whatever")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ascentWordsOfEachLogbook() {
        assertThat(AscentTerms.eightA("go", false, false)).contains(AscentStyle.REDPOINT);
        assertThat(AscentTerms.eightA("f", false, false)).contains(AscentStyle.FLASH);
        assertThat(AscentTerms.eightA("rp", true, false)).as("a project is not a send").contains(AscentStyle.ATTEMPT);
        assertThat(AscentTerms.eightA("rp", false, true)).contains(AscentStyle.REPEAT);
        assertThat(AscentTerms.eightA("xyz", false, false)).isEmpty();
        assertThat(AscentTerms.theCrag("Red point")).contains(AscentStyle.REDPOINT);
        assertThat(AscentTerms.theCrag("Hang dog")).contains(AscentStyle.ATTEMPT);
        assertThat(AscentTerms.theCrag("Second clean")).contains(AscentStyle.FOLLOW);
        assertThat(AscentTerms.ukc("Lead O/S")).contains(AscentStyle.ONSIGHT);
        assertThat(AscentTerms.ukc("Lead β")).contains(AscentStyle.FLASH);
        assertThat(AscentTerms.ukc("Lead dnf")).contains(AscentStyle.ATTEMPT);
        assertThat(AscentTerms.ukc("2nd")).contains(AscentStyle.FOLLOW);
        assertThat(AscentTerms.ukc("-")).isEqualTo(Optional.empty());
        assertThat(AscentTerms.sendage("flash")).contains(AscentStyle.FLASH);
    }

    @Test
    void placesWithTwoPartsShowTheCragAndTheRegion() {
        assertThat(LocationPath.of(java.util.Arrays.asList("Spain", null, "Negociee")).display()).isEqualTo("Negociee, Spain");
        assertThat(EightAAscents.location("United States", "Bishop (CA)", "Happy Boulders", "Unknown Sector").parts())
                .containsExactly("United States", "Bishop (CA)", "Happy Boulders");
    }

    @Test
    void lengthsInMetresOrFeet() {
        assertThat(SourceFields.lengthFt("30m")).isEqualTo(98);
        assertThat(SourceFields.lengthFt("100 ft")).isEqualTo(100);
        assertThat(SourceFields.lengthFt("")).isNull();
        assertThat(SourceFields.starsOutOfFour(3.0, 3)).isEqualByComparingTo("4.00");
        assertThat(SourceFields.starsOutOfFour(null, 3)).isNull();
    }

    @Test
    void ukcTradGradesAreUnderstoodWithTheirTechnicalGrade() {
        SourceRow row = new SourceRow(2, java.util.Map.of("Name", "Right Unconquerable", "Grade", "HVS 5a", "Style", "Lead O/S",
                "Date", "14/Jul/24", "Crag", "Stanage", "Country", "England", "Type", "Trad", "Pitches", "1"));
        TranslatedFile result = UkcRows.translation("ukc",
                new dev.cruxlog.grades.domain.GradeCatalog(), TODAY).whole(java.util.List.of(row));
        TickDraft tick = result.drafts().get(0);
        assertThat(tick.gradeSystem()).isEqualTo("uk");
        assertThat(tick.gradeIndex()).isNotNull();
        assertThat(tick.grade()).isEqualTo("HVS 5a");
        assertThat(tick.style()).isEqualTo(AscentStyle.ONSIGHT);
        assertThat(tick.discipline()).isEqualTo(dev.cruxlog.logbook.Discipline.TRAD);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void yourRatingIsKeptAndTicksStoredBeforeItKeepTheirHash() {
        java.util.Map<String, String> fields = new java.util.HashMap<>(java.util.Map.of("Date", "2023-06-01", "Route", "50-50",
                "Rating", "5.5", "URL", "https://www.mountainproject.com/route/106562228/50-50", "Pitches", "2",
                "Location", "New York > The Gunks", "Style", "TR", "Route Type", "Trad", "Rating Code", "1500"));
        fields.put("Your Rating", "5.6");
        TickDraft withRating = MountainProjectRows.toDrafts(java.util.List.of(new SourceRow(2, fields)),
                new dev.cruxlog.grades.domain.GradeCatalog(), TODAY).drafts().get(0);
        fields.put("Your Rating", "");
        TickDraft without = MountainProjectRows.toDrafts(java.util.List.of(new SourceRow(2, fields)),
                new dev.cruxlog.grades.domain.GradeCatalog(), TODAY).drafts().get(0);

        assertThat(withRating.sourceUserGrade()).isEqualTo("5.6");
        assertThat(without.sourceUserGrade()).isNull();
        // A tick stored before Your Rating was kept has the hash of the content without it.
        assertThat(withRating.contentHashBeforeUserGrade()).isEqualTo(without.contentHash());
        assertThat(withRating.contentHash()).isNotEqualTo(without.contentHash());
    }
}
