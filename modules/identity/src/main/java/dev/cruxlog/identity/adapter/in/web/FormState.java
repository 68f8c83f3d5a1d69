package dev.cruxlog.identity.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page form shows again after a failed submit: the values typed (never passwords),
 * an error per field, and a message for the whole form.
 */
public record FormState(Map<String, String> values, Map<String, String> errors, String message, String messageKind) {

    public static FormState empty() {
        return new FormState(Map.of(), Map.of(), null, null);
    }

    public static FormState info(String message) {
        return new FormState(Map.of(), Map.of(), message, "info");
    }

    public static FormState success(String message) {
        return new FormState(Map.of(), Map.of(), message, "success");
    }

    public FormState withValue(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(field, value == null ? "" : value);
        return new FormState(copy, errors, message, messageKind);
    }

    public FormState withError(String field, String error) {
        Map<String, String> copy = new LinkedHashMap<>(errors);
        copy.put(field, error);
        return new FormState(values, copy, message, messageKind);
    }

    public FormState withMessage(String text, String kind) {
        return new FormState(values, errors, text, kind);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || "error".equals(messageKind);
    }
}
