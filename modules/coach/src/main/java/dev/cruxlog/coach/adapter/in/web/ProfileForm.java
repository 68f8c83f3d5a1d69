package dev.cruxlog.coach.adapter.in.web;

import dev.cruxlog.coach.domain.ClimberProfile;
import dev.cruxlog.platform.InvalidInput;

/** The profile form's fields as typed; numbers arrive as text so a typo gets a message, not a 400. */
public record ProfileForm(String goals, String yearsClimbing, String sessionsPerWeek, String sessionMinutes,
                          String equipment, String injuries, String favouriteAngles, String weakestAngles,
                          String favouriteHolds, String weakestHolds, String favouriteEnergy, String weakestEnergy,
                          String currentProjects) {

    static ProfileForm of(ClimberProfile p) {
        return new ProfileForm(text(p.goals()), text(p.yearsClimbing()), text(p.sessionsPerWeek()), text(p.sessionMinutes()),
                text(p.equipment()), text(p.injuries()), text(p.favouriteAngles()), text(p.weakestAngles()),
                text(p.favouriteHolds()), text(p.weakestHolds()), text(p.favouriteEnergy()), text(p.weakestEnergy()),
                text(p.currentProjects()));
    }

    ClimberProfile profile() {
        return new ClimberProfile(goals, number("Years climbing", yearsClimbing), number("Sessions per week", sessionsPerWeek),
                number("Session length", sessionMinutes), equipment, injuries, favouriteAngles, weakestAngles,
                favouriteHolds, weakestHolds, favouriteEnergy, weakestEnergy, currentProjects);
    }

    private static Integer number(String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput(label, "a whole number, please");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
