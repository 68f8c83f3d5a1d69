/**
 * Grades: every grading system a climber's logbook may use, parsed without losing the
 * protection or aid suffixes, placed on one difficulty index per family (routes,
 * boulders), converted between systems, and grouped into the coarse levels pyramids use.
 * Pure domain: no database, no I/O.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grades",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform::web"})
package dev.cruxlog.grades;
