package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.domain.AscentTerms;
import dev.cruxlog.logbook.domain.LocationPath;

/**
 * UKClimbing's logbook export, as CSV ("Name, Grade, Style, ..., Date, Crag, County, Region,
 * Country, Pitches, Type") or as the Excel file ("Climb name, Grade, Style, ..., Date, Crag
 * name, Grade Type, Grade System, Country", stars written after the grade). Dates are
 * "31/May/23"; UKC lets a climber forget the day ("??/Apr/23") or the month ("???/2023"):
 * such ticks are kept on the first of the month or year, with a warning, never dropped.
 */
public final class UkcRows {

    static final List<String> REQUIRED_CSV_COLUMNS = List.of("Name", "Grade", "Date");
    static final List<String> REQUIRED_XLSX_COLUMNS = List.of("Climb name", "Grade", "Date");

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2}|\\?{1,2})/([A-Za-z]{3,9}|\\d{1,2})/(\\d{2}|\\d{4})");
    private static final Pattern MONTH_UNKNOWN = Pattern.compile("\\?{1,3}/(\\d{4}|\\d{2})");
    private static final Pattern STARS_AFTER_GRADE = Pattern.compile("^(.*?)\\s*(\\*{1,3})?\\s*$");

    private UkcRows() {
    }

    /** A date and, when UKC only knew part of it, what was assumed. */
    record UkcDate(LocalDate date, String assumption) {
    }

    /** This export translated chunk by chunk ({@link FileTranslation}). */
    public static FileTranslation translation(String source, Grades grades, LocalDate today) {
        return new FileTranslation(new Translation(source, grades, today), (t, row) -> translateRow(t, row, today));
    }

    private static void translateRow(Translation t, SourceRow row, LocalDate today) {
        String route = first(row, "Name", "Climb name");
        if (route.isEmpty()) {
            t.skip(row, "no route name");
            return;
        }
        String dateText = row.get("Date");
        UkcDate ukcDate = date(dateText, today);
        if (ukcDate == null) {
            t.skip(row, dateText.isEmpty() ? "no date" : "'" + dateText + "' is not a date");
            return;
        }
        if (ukcDate.assumption() != null) {
            t.warn(row, ukcDate.assumption());
        }
        t.warnIfFuture(row, ukcDate.date());
        Matcher graded = STARS_AFTER_GRADE.matcher(row.get("Grade"));
        String gradeText = graded.matches() ? graded.group(1) : row.get("Grade");
        String stars = graded.matches() ? graded.group(2) : null;
        Grade grade = t.grade(row, gradeText, hint(row.get("Grade System")));
        String crag = first(row, "Crag", "Crag name");
        String type = first(row, "Type", "Grade Type");
        String style = row.get("Style");
        t.draft.tick(ukcDate.date() + "|" + route + "|" + crag, route, ukcDate.date())
                .grade(gradeText, grade)
                .style(t.style(row, AscentTerms.ukc(style), style), style)
                .routeType(type)
                .pitches(SourceFields.integer(row.get("Pitches")))
                .location(LocationPath.of(java.util.Arrays.asList(row.get("Country"), row.get("Region"),
                        row.get("County"), crag)))
                .notes(row.get("Notes"))
                .routeStars(stars == null ? null : (double) stars.length(), 3);
        t.discipline(row, AscentTerms.discipline(type), type, grade);
        t.add();
    }

    static UkcDate date(String text, LocalDate today) {
        String value = text == null ? "" : text.trim();
        Matcher full = DAY_MONTH_YEAR.matcher(value);
        if (full.matches()) {
            Integer month = month(full.group(2));
            if (month == null) {
                return null;
            }
            int year = year(full.group(3), today);
            boolean dayUnknown = full.group(1).startsWith("?");
            try {
                LocalDate date = LocalDate.of(year, month, dayUnknown ? 1 : Integer.parseInt(full.group(1)));
                return new UkcDate(date, dayUnknown ? "Day not recorded (" + value + "); kept on " + date : null);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        Matcher yearOnly = MONTH_UNKNOWN.matcher(value);
        if (yearOnly.matches()) {
            LocalDate date = LocalDate.of(year(yearOnly.group(1), today), 1, 1);
            return new UkcDate(date, "Day and month not recorded (" + value + "); kept on " + date);
        }
        LocalDate iso = SourceFields.date(value);
        return iso == null ? null : new UkcDate(iso, null);
    }

    private static Integer month(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            int month = Integer.parseInt(text);
            return month >= 1 && month <= 12 ? month : null;
        }
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (name.regionMatches(true, 0, text, 0, 3) && name.toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT))) {
                return month.getValue();
            }
        }
        return null;
    }

    /** "23" is 2023; a two-digit year after this year is last century's ("87" is 1987). */
    private static int year(String text, LocalDate today) {
        int year = Integer.parseInt(text);
        if (text.length() != 2) {
            return year;
        }
        return 2000 + year > today.getYear() ? 1900 + year : 2000 + year;
    }

    /** UKC's "Grade System" column, where the Excel export has it. */
    private static GradeSystem hint(String system) {
        return switch (system.toLowerCase(Locale.ROOT)) {
            case "usa", "yds" -> GradeSystem.YDS;
            case "french", "sport" -> GradeSystem.FRENCH;
            case "font" -> GradeSystem.FONT;
            case "v grade", "v" -> GradeSystem.V;
            case "uiaa" -> GradeSystem.UIAA;
            case "aus", "ewbank" -> GradeSystem.EWBANK;
            case "uk", "uk trad", "trad", "british" -> GradeSystem.UK;
            default -> null;
        };
    }

    private static String first(SourceRow row, String column, String alternative) {
        String value = row.get(column);
        return value.isEmpty() ? row.get(alternative) : value;
    }
}
