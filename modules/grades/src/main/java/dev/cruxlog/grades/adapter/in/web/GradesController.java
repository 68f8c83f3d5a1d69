package dev.cruxlog.grades.adapter.in.web;

import java.util.List;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/grades")
@Tag(name = "Grades", description = "Grade systems and conversions")
class GradesController {

    private final Grades grades;

    GradesController(Grades grades) {
        this.grades = grades;
    }

    record SystemView(String id, String name, String family, boolean convertible) {
    }

    record Conversion(String grade, String from, String to, String result, int index, int level, String protection) {
    }

    @GetMapping("/systems")
    @Operation(summary = "Every grade system Cruxlog reads")
    Mono<List<SystemView>> systems() {
        return Mono.just(grades.systems().stream()
                .map(s -> new SystemView(s.id(), s.displayName(), s.family().name().toLowerCase(), s.indexed()))
                .toList());
    }

    @GetMapping("/convert")
    @Operation(summary = "Convert a grade, e.g. ?grade=7a&from=french&to=yds")
    Mono<Conversion> convert(@RequestParam String grade, @RequestParam String from, @RequestParam String to) {
        GradeSystem source = system(from, "from");
        GradeSystem target = system(to, "to");
        Grade parsed = grades.parse(grade, source).filter(g -> g.system() == source)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "'" + grade + "' is not a " + source.displayName() + " grade."));
        String result = grades.convert(parsed, target).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                source.displayName() + " grades cannot be converted to " + target.displayName() + "."));
        return Mono.just(new Conversion(parsed.grade(), source.id(), target.id(), result, parsed.index(), parsed.level(),
                parsed.protection()));
    }

    private static GradeSystem system(String id, String parameter) {
        return GradeSystem.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "Unknown grade system '" + id + "' in '" + parameter + "'. Known: yds, french, uiaa, ewbank, v, font."));
    }
}
