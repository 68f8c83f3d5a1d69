package dev.cruxlog.analytics.adapter.in.web;

import java.time.LocalDate;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.analytics.application.InsightsService;
import dev.cruxlog.analytics.application.PyramidService;
import dev.cruxlog.analytics.application.RouteCharacters;
import dev.cruxlog.analytics.domain.PlaceTree;
import dev.cruxlog.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Pyramids and the dashboard")
class AnalyticsApiController {

    private final PyramidService pyramids;
    private final InsightsService insights;
    private final JsonMapper json;

    AnalyticsApiController(PyramidService pyramids, InsightsService insights, JsonMapper json) {
        this.pyramids = pyramids;
        this.insights = insights;
        this.json = json;
    }

    /**
     * Written as bytes: a pyramid built from the read model is encoded once while it is held
     * ({@link PyramidService#encoded}), by the mapper the JSON encoder uses.
     */
    @GetMapping(value = "/pyramid", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your pyramid for a discipline, hardest level first, with what the next grade needs")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PyramidView.class)))
    Mono<ResponseEntity<byte[]>> pyramid(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "sport") String discipline,
                              @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                              @RequestParam(required = false) String window, @RequestParam(defaultValue = "4") int levels,
                              @RequestParam(defaultValue = "false") boolean includeFollows) {
        if (!Pyramids.DISCIPLINES.contains(discipline)) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Unknown discipline '" + discipline + "'. Use one of " + Pyramids.DISCIPLINES + "."));
        }
        LocalDate start = "12m".equals(window) ? LocalDate.now().minusMonths(12) : from;
        return inOrder(start, to).then(pyramids.keyedPyramid(user.id(), discipline, start, to, levels, includeFollows))
                .map(pyramid -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(pyramids.encoded(pyramid, json::writeValueAsBytes)));
    }

    record RouteCharacterChange(String routeKey, String cruxAngle, String cruxEnergy) {
    }

    @PatchMapping("/pyramid/routes")
    @Operation(summary = "Set a pyramid route's crux angle and energy: {routeKey, cruxAngle, cruxEnergy}")
    Mono<RouteCharacters.Character> describeRoute(@AuthenticationPrincipal CurrentUser user,
                                                  @RequestBody RouteCharacterChange change) {
        // A refused value is InvalidInput: the platform answers 400 naming the field.
        return pyramids.describe(user.id(), change.routeKey(), change.cruxAngle(), change.cruxEnergy());
    }

    @GetMapping("/overview")
    @Operation(summary = "Ticks, pitches, days out, areas, discipline mix, send rate, favourite areas, best sends")
    Mono<AnalyticsBodies.Overview> overview(@AuthenticationPrincipal CurrentUser user,
                                            @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to) {
        return inOrder(from, to).then(insights.overview(user.id(), from, to)).map(AnalyticsBodies.Overview::of);
    }

    @GetMapping("/progression")
    @Operation(summary = "Hardest send per month per discipline and style; volume per month")
    Mono<AnalyticsBodies.Progression> progression(@AuthenticationPrincipal CurrentUser user,
                                                  @RequestParam(required = false) LocalDate from,
                                                  @RequestParam(required = false) LocalDate to) {
        return inOrder(from, to).then(insights.progression(user.id(), from, to)).map(AnalyticsBodies.Progression::of);
    }

    @GetMapping("/calendar")
    @Operation(summary = "Every day out (for a heatmap) and the seasons")
    Mono<AnalyticsBodies.Calendar> calendar(@AuthenticationPrincipal CurrentUser user,
                                            @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to) {
        return inOrder(from, to).then(insights.calendar(user.id(), from, to)).map(AnalyticsBodies.Calendar::of);
    }

    @GetMapping("/locations")
    @Operation(summary = "Your places as a tree: region > area > crag, with counts, hardest send and last visit")
    Mono<java.util.List<PlaceTree.Node>> locations(@AuthenticationPrincipal CurrentUser user,
                                                   @RequestParam(required = false) LocalDate from,
                                                   @RequestParam(required = false) LocalDate to) {
        return inOrder(from, to).then(insights.places(user.id(), from, to));
    }

    @GetMapping("/characteristics")
    @Operation(summary = "Style mix, send rate by grade, flash/onsight rate, attempts to send, rest days, crux angle and energy mix")
    Mono<AnalyticsBodies.Characteristics> characteristics(@AuthenticationPrincipal CurrentUser user,
                                                          @RequestParam(required = false) LocalDate from,
                                                          @RequestParam(required = false) LocalDate to) {
        return inOrder(from, to).then(insights.characteristics(user.id(), from, to)).map(AnalyticsBodies.Characteristics::of);
    }

    /** A period that ends before it starts is a mistake worth saying, not an empty answer. */
    private static Mono<Void> inOrder(LocalDate from, LocalDate to) {
        return from != null && to != null && from.isAfter(to)
                ? Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "'from' (" + from + ") is after 'to' (" + to + "): give the earlier date first."))
                : Mono.empty();
    }
}
