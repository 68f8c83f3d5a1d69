package dev.cruxlog.logbook.adapter.in.web;

import java.time.LocalDate;

import dev.cruxlog.logbook.TickView;
import dev.cruxlog.logbook.domain.HandEnteredTick;
import dev.cruxlog.logbook.domain.InvalidTickInput;

/** The tick form, as typed: strings, so a bad value comes back to the climber as they wrote it. */
public record TickForm(String route, String date, String grade, String discipline, String style, String pitches,
                String length, String location, String notes, String tags) {

    /** {@code length} is in the climber's unit; the logbook stores feet. */
    static TickForm of(TickView tick, dev.cruxlog.identity.LengthUnit unit) {
        Integer shown = unit.fromFeet(tick.lengthFt());
        return new TickForm(tick.route(), tick.date().toString(), tick.grade(), tick.discipline(), tick.style(),
                String.valueOf(tick.pitches()), shown == null ? "" : String.valueOf(shown),
                String.join(" > ", tick.locationPath()), tick.notes() == null ? "" : tick.notes(),
                String.join("; ", tick.tags()));
    }

    HandEnteredTick input(dev.cruxlog.identity.LengthUnit unit) {
        return new HandEnteredTick(route, parseDate("date", date), grade, discipline, style,
                parseInteger("pitches", pitches), unit.toFeet(parseInteger("length", length)),
                location, notes, tags == null || tags.isBlank() ? java.util.List.of()
                        : java.util.Arrays.stream(tags.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList());
    }

    static LocalDate parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidTickInput(field, "use the form 2024-07-14.");
        }
    }

    static Integer parseInteger(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidTickInput(field, "'" + value + "' is not a whole number.");
        }
    }
}
