package dev.cruxlog.coach.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cruxlog.platform.InvalidInput;

/**
 * What the climber tells the coach about themselves. Every field is optional; text fields are
 * the climber's own words, capped at {@link #MAX_TEXT} characters.
 */
public record ClimberProfile(String goals, Integer yearsClimbing, Integer sessionsPerWeek, Integer sessionMinutes,
                             String equipment, String injuries, String favouriteAngles, String weakestAngles,
                             String favouriteHolds, String weakestHolds, String favouriteEnergy, String weakestEnergy,
                             String currentProjects) {

    public static final int MAX_TEXT = 2_000;

    public ClimberProfile {
        goals = clean("goals", goals);
        equipment = clean("equipment", equipment);
        injuries = clean("injuries", injuries);
        favouriteAngles = clean("favouriteAngles", favouriteAngles);
        weakestAngles = clean("weakestAngles", weakestAngles);
        favouriteHolds = clean("favouriteHolds", favouriteHolds);
        weakestHolds = clean("weakestHolds", weakestHolds);
        favouriteEnergy = clean("favouriteEnergy", favouriteEnergy);
        weakestEnergy = clean("weakestEnergy", weakestEnergy);
        currentProjects = clean("currentProjects", currentProjects);
        range("yearsClimbing", yearsClimbing, 90);
        range("sessionsPerWeek", sessionsPerWeek, 21);
        range("sessionMinutes", sessionMinutes, 1440);
    }

    public static ClimberProfile empty() {
        return new ClimberProfile(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The filled-in fields, labelled for the model and for the "what the coach saw" view. */
    public Map<String, String> described() {
        Map<String, String> lines = new LinkedHashMap<>();
        put(lines, "Goals", goals);
        put(lines, "Years climbing", yearsClimbing);
        put(lines, "Sessions per week", sessionsPerWeek);
        put(lines, "Session length (minutes)", sessionMinutes);
        put(lines, "Equipment", equipment);
        put(lines, "Injuries and limitations", injuries);
        put(lines, "Favourite angles", favouriteAngles);
        put(lines, "Weakest angles", weakestAngles);
        put(lines, "Favourite holds", favouriteHolds);
        put(lines, "Weakest holds", weakestHolds);
        put(lines, "Strongest energy system", favouriteEnergy);
        put(lines, "Weakest energy system", weakestEnergy);
        put(lines, "Current projects", currentProjects);
        return lines;
    }

    private static void put(Map<String, String> lines, String label, Object value) {
        if (value != null) {
            lines.put(label, value.toString());
        }
    }

    private static String clean(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > MAX_TEXT) {
            throw new InvalidInput(field, "at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static void range(String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw new InvalidInput(field, "between 0 and " + max);
        }
    }
}
