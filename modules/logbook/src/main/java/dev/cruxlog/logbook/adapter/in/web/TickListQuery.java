package dev.cruxlog.logbook.adapter.in.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.cruxlog.platform.InvalidInput;
import org.springframework.util.MultiValueMap;

/**
 * The ticks list's query string, read in one pass. WebFlux resolves each {@code @RequestParam}
 * through its argument resolvers on every request (their cache lives with a per-request
 * handler), which for the list's twelve parameters was a measurable share of the ticks page's
 * CPU; one map argument costs one resolution. Bad values are 400s naming the parameter.
 */
record TickListQuery(String discipline, LocalDate from, LocalDate to, String minGrade, String maxGrade, Boolean send,
                     String q, String tag, String sort, boolean toConfirm, boolean datedInFuture, int limit, String cursor) {

    static final int DEFAULT_LIMIT = 50;

    static TickListQuery of(MultiValueMap<String, String> params) {
        return new TickListQuery(params.getFirst("discipline"), date(params, "from"), date(params, "to"),
                params.getFirst("minGrade"), params.getFirst("maxGrade"), bool(params, "send"), params.getFirst("q"),
                params.getFirst("tag"), params.getFirst("sort"), Boolean.TRUE.equals(bool(params, "toConfirm")),
                Boolean.TRUE.equals(bool(params, "datedInFuture")), limit(params), params.getFirst("cursor"));
    }

    private static LocalDate date(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "'" + value + "' is not a date (YYYY-MM-DD).");
        }
    }

    private static Boolean bool(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidInput(name, "true or false.");
        };
    }

    private static int limit(MultiValueMap<String, String> params) {
        String value = params.getFirst("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("limit", "a whole number of ticks per page (1 to 200).");
        }
    }
}
