package dev.cruxlog.logbook.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;

/**
 * The grade catalog for one import: each distinct grade text is read once. A logbook repeats a
 * few dozen grades over thousands of rows, and reading one was most of an import's CPU (S5
 * profile, docs/benchmarks.md). One per import, used by one thread (the translation), so a
 * plain map; every translator gets it from the import job.
 */
public final class ImportGrades implements Grades {

    private record Read(String raw, Object context) {
    }

    private final Grades catalog;
    private final Map<Read, Optional<Grade>> parsed = new HashMap<>();
    private final Map<Read, GradeReading> mountainProject = new HashMap<>();

    public ImportGrades(Grades catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<Grade> parse(String raw, GradeSystem hint) {
        return parsed.computeIfAbsent(new Read(raw, hint), read -> catalog.parse(raw, hint));
    }

    @Override
    public GradeReading readMountainProject(String raw, Integer ratingCode) {
        return mountainProject.computeIfAbsent(new Read(raw, ratingCode), read -> catalog.readMountainProject(raw, ratingCode));
    }

    @Override
    public Optional<String> convert(Grade grade, GradeSystem target) {
        return catalog.convert(grade, target);
    }

    @Override
    public String format(int index, GradeSystem system) {
        return catalog.format(index, system);
    }

    @Override
    public int level(int index, GradeSystem system) {
        return catalog.level(index, system);
    }

    @Override
    public String levelName(int level, GradeSystem system) {
        return catalog.levelName(level, system);
    }

    @Override
    public int levelIndex(int level, GradeSystem system) {
        return catalog.levelIndex(level, system);
    }

    @Override
    public List<GradeSystem> systems() {
        return catalog.systems();
    }
}
