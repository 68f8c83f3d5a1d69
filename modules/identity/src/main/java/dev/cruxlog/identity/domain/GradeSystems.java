package dev.cruxlog.identity.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The grade system a climber thinks in, per discipline family. */
public final class GradeSystems {

    public static final Map<String, Set<String>> ALLOWED = Map.of(
            "route", Set.of("yds", "french", "uiaa", "ewbank", "uk"),
            "boulder", Set.of("v", "font"));

    public static final Map<String, String> DEFAULTS = Map.of("route", "yds", "boulder", "v");

    private GradeSystems() {
    }

    public static Map<String, String> validated(Map<String, String> requested) {
        Map<String, String> result = new LinkedHashMap<>(DEFAULTS);
        requested.forEach((family, system) -> {
            Set<String> allowed = ALLOWED.get(family);
            if (allowed == null || !allowed.contains(system)) {
                throw new InvalidAccountInput("preferredGradeSystems." + family,
                        "Choose one of " + (allowed == null ? ALLOWED.keySet() : allowed) + ".");
            }
            result.put(family, system);
        });
        return result;
    }
}
