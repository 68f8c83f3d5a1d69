package dev.cruxlog.logbook.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading the loose text of export fields: numbers, dates, stars, blanks. */
final class SourceFields {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private SourceFields() {
    }

    static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A whole number, rounding "3.0"; null when blank or not a number. */
    static Integer integer(String text) {
        Double value = decimal(text);
        return value == null ? null : (int) Math.round(value);
    }

    static Double decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A rating where 0 means "not rated" (8a.nu, 27crags): null unless above zero. */
    static Double positive(String text) {
        Double value = decimal(text);
        return value == null || value <= 0 ? null : value;
    }

    /** "1", "true", "yes" (any case). */
    static boolean flag(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return value.equals("1") || value.equals("true") || value.equals("yes");
    }

    /**
     * ISO dates ("2019-10-10", "2019-10-10 0:00:00", "2013-05-25T00:00:00+00:00") and US dates
     * ("6/1/2023"); null when the text is none of them.
     */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toLocalDate();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(value, US_DATE);
                } catch (DateTimeParseException notUs) {
                    return null;
                }
            }
        }
    }

    /** Stars scaled to Mountain Project's 0..4; null when unrated or negative (MP writes -1 for "no rating"). */
    static BigDecimal starsOutOfFour(Double stars, int outOf) {
        if (stars == null || stars < 0 || outOf <= 0) {
            return null;
        }
        return DraftBuilder.scale(Math.min(stars, outOf) * 4.0 / outOf);
    }

    /** "30m" or "30 m" in feet; "100ft" as it is; a bare number is taken as metres. */
    static Integer lengthFt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        boolean feet = value.endsWith("ft") || value.endsWith("'");
        Double number = decimal(value.replaceAll("(m|ft|')$", ""));
        if (number == null || number <= 0) {
            return null;
        }
        return (int) Math.round(feet ? number : number * 3.28084);
    }
}
