package dev.cruxlog.grades.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeFamily;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;

/** {@link Grades} over the scales and charts of this package. */
public final class GradeCatalog implements Grades {

    @Override
    public Optional<Grade> parse(String raw, GradeSystem hint) {
        return GradeParser.parse(raw, hint);
    }

    @Override
    public GradeReading readMountainProject(String raw, Integer ratingCode) {
        Optional<Grade> parsed = GradeParser.parse(raw, null);
        Optional<String> fromCode = ratingCode == null || ratingCode <= 0 ? Optional.empty()
                : MountainProjectRatingCode.decode(ratingCode);
        if (fromCode.isEmpty()) {
            return new GradeReading(parsed.orElse(null), parsed.isPresent() ? null : "Unrecognised grade '" + raw + "'");
        }
        Grade coded = GradeParser.parse(fromCode.get(), null).orElseThrow();
        if (parsed.isPresent() && (!parsed.get().indexed() || parsed.get().family() != coded.family()
                || parsed.get().index().equals(coded.index()))) {
            return new GradeReading(parsed.get(), null);
        }
        Grade repaired = new Grade(raw, coded.system(), coded.index(), coded.grade(),
                parsed.map(Grade::protection).orElse(null), parsed.map(Grade::aid).orElse(null),
                parsed.map(Grade::others).orElse(List.of()));
        return new GradeReading(repaired, "Grade '" + raw + "' read as " + coded.grade()
                + " from Mountain Project's rating code " + ratingCode);
    }

    @Override
    public Optional<String> convert(Grade grade, GradeSystem target) {
        if (!grade.indexed() || grade.family() != target.family()) {
            return Optional.empty();
        }
        if (grade.system() == target) {
            return Optional.of(grade.grade());
        }
        return Optional.of(format(grade.index(), target));
    }

    @Override
    public String format(int index, GradeSystem system) {
        return switch (system) {
            case YDS -> RouteScale.formatYds(index);
            case FRENCH -> ConversionChart.nearest(ConversionChart.FRENCH, index);
            case UIAA -> ConversionChart.nearest(ConversionChart.UIAA, index);
            case EWBANK -> ConversionChart.nearest(ConversionChart.EWBANK, index);
            case UK -> ConversionChart.nearest(ConversionChart.UK, index);
            case V -> BoulderScale.formatV(index);
            case FONT -> ConversionChart.nearest(ConversionChart.FONT, index);
            default -> throw new IllegalArgumentException(system + " has no difficulty index");
        };
    }

    @Override
    public String levelName(int level, GradeSystem system) {
        return switch (system) {
            case YDS -> RouteScale.levelName(level);
            case V -> BoulderScale.levelName(level);
            default -> format(level * 10, system);
        };
    }

    @Override
    public List<GradeSystem> systems() {
        return Arrays.asList(GradeSystem.values());
    }

    /** The system a climber sees by default for a family. */
    public static GradeSystem defaultFor(GradeFamily family) {
        return family == GradeFamily.BOULDER ? GradeSystem.V : GradeSystem.YDS;
    }
}
