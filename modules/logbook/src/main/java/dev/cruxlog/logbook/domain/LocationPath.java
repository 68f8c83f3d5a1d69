package dev.cruxlog.logbook.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Where a climb is, from Mountain Project's "State > Area > Sub-area > Crag": the parts,
 * and a short display form "crag area, region" (second-to-last part, first part).
 */
public record LocationPath(List<String> parts) {

    public LocationPath {
        parts = List.copyOf(parts);
    }

    /** From the parts a source gives, widest first; blank parts are left out. */
    public static LocationPath of(List<String> parts) {
        return new LocationPath(parts.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList());
    }

    public static LocationPath parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new LocationPath(List.of());
        }
        return new LocationPath(Arrays.stream(raw.split(">")).map(String::trim).filter(p -> !p.isEmpty()).toList());
    }

    public String display() {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        // "Region > Crag" has no area between them: the crag is the most telling name.
        String place = parts.size() == 2 ? parts.get(1) : parts.get(parts.size() - 2);
        return place + ", " + parts.get(0);
    }

    public String region() {
        return parts.isEmpty() ? "" : parts.get(0);
    }

    public String crag() {
        return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
    }
}
