package dev.cruxlog.analytics.adapter.in.web;

import java.time.LocalDate;
import java.util.Set;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.analytics.application.PyramidService;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.logbook.LogbookStatistics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Pyramids and the dashboard")
class AnalyticsApiController {

    private static final Set<String> DISCIPLINES = Set.of("sport", "trad", "tr", "boulder", "alpine", "ice", "mixed", "aid");

    private final PyramidService pyramids;
    private final LogbookStatistics statistics;

    AnalyticsApiController(PyramidService pyramids, LogbookStatistics statistics) {
        this.pyramids = pyramids;
        this.statistics = statistics;
    }

    @GetMapping("/pyramid")
    @Operation(summary = "Your pyramid for a discipline, hardest level first, with what the next grade needs")
    Mono<PyramidView> pyramid(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "sport") String discipline,
                              @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                              @RequestParam(required = false) String window, @RequestParam(defaultValue = "4") int levels,
                              @RequestParam(defaultValue = "false") boolean includeFollows) {
        if (!DISCIPLINES.contains(discipline)) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Unknown discipline '" + discipline + "'. Use one of " + DISCIPLINES + "."));
        }
        LocalDate start = "12m".equals(window) ? LocalDate.now().minusMonths(12) : from;
        return pyramids.pyramid(user.id(), discipline, start, to, levels, includeFollows);
    }

    @GetMapping("/overview")
    @Operation(summary = "Ticks, pitches, days out, areas, discipline mix, send rate, favourite areas, best sends")
    Mono<LogbookStatistics.Overview> overview(@AuthenticationPrincipal CurrentUser user,
                                             @RequestParam(required = false) LocalDate from,
                                             @RequestParam(required = false) LocalDate to) {
        return statistics.overview(user.id(), from, to);
    }
}
