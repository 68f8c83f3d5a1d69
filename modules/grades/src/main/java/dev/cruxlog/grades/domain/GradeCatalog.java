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
    public int level(int index, GradeSystem system) {
        return switch (system) {
            // Grade.level(): slash grades and +/- fall to the letter or number below.
            case YDS, V -> Math.floorDiv(index, 10);
            default -> ConversionChart.nearestPosition(chart(system), index);
        };
    }

    @Override
    public String levelName(int level, GradeSystem system) {
        return switch (system) {
            case YDS -> RouteScale.levelName(level);
            case V -> BoulderScale.levelName(level);
            default -> {
                // A pyramid may reach below the chart's easiest grade or ask for the one above its
                // hardest: named as such, so no two levels share a name.
                List<ConversionChart.Entry> chart = chart(system);
                yield level < 0 ? "below " + chart.get(0).name()
                        : level >= chart.size() ? "beyond " + chart.get(chart.size() - 1).name() : chart.get(level).name();
            }
        };
    }

    @Override
    public int levelIndex(int level, GradeSystem system) {
        return switch (system) {
            case YDS, V -> level * 10;
            default -> {
                List<ConversionChart.Entry> chart = chart(system);
                yield chart.get(Math.max(0, Math.min(level, chart.size() - 1))).index();
            }
        };
    }

    private static List<ConversionChart.Entry> chart(GradeSystem system) {
        return switch (system) {
            case FRENCH -> ConversionChart.FRENCH;
            case UIAA -> ConversionChart.UIAA;
            case EWBANK -> ConversionChart.EWBANK;
            case UK -> ConversionChart.UK;
            case FONT -> ConversionChart.FONT;
            default -> throw new IllegalArgumentException(system + " has no grade ladder");
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
