package dev.cruxlog.logbook.adapter.in.web;

import java.util.Map;

import dev.cruxlog.grades.GradeFamily;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.identity.LengthUnit;
import dev.cruxlog.logbook.TickView;

/**
 * A tick as the climber's settings want it read: the grade as logged, with the same grade in
 * their preferred system beside it when that differs ("6c (5.11b)"), and lengths in their unit.
 */
public final class TickDisplay {

    private final Grades grades;
    private final Map<String, String> systems;
    private final LengthUnit unit;

    TickDisplay(Grades grades, Map<String, String> systems, LengthUnit unit) {
        this.grades = grades;
        this.systems = systems == null ? Map.of() : systems;
        this.unit = unit == null ? LengthUnit.FEET : unit;
    }

    static TickDisplay of(Grades grades, ClimberSettings settings) {
        return settings == null ? new TickDisplay(grades, Map.of(), LengthUnit.FEET)
                : new TickDisplay(grades, settings.gradeSystems(), settings.lengthUnit());
    }

    public String grade(TickView tick) {
        GradeSystem logged = GradeSystem.byId(tick.gradeSystem()).orElse(null);
        if (logged == null || !logged.indexed()) {
            return tick.grade();
        }
        String family = logged.family() == GradeFamily.BOULDER ? "boulder" : "route";
        GradeSystem preferred = GradeSystem.byId(systems.get(family)).orElse(null);
        if (preferred == null || preferred == logged) {
            return tick.grade();
        }
        return grades.parse(tick.grade(), logged).flatMap(grade -> grades.convert(grade, preferred))
                .map(converted -> tick.grade() + " (" + converted + ")").orElse(tick.grade());
    }

    public String length(TickView tick) {
        Integer length = unit.fromFeet(tick.lengthFt());
        return length == null ? "" : length + " " + unit.symbol();
    }

    public String unit() {
        return unit.symbol();
    }

    public LengthUnit lengthUnit() {
        return unit;
    }
}
