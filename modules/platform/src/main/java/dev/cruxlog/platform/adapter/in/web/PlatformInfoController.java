package dev.cruxlog.platform.adapter.in.web;

import dev.cruxlog.platform.LoadPlatformInfo;
import dev.cruxlog.platform.PlatformInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/platform")
@Tag(name = "Platform", description = "What this instance runs on")
class PlatformInfoController {

    private final LoadPlatformInfo info;

    PlatformInfoController(LoadPlatformInfo info) {
        this.info = info;
    }

    @GetMapping("/info")
    @Operation(summary = "Build version, database server and time, schema version per module")
    Mono<PlatformInfo> info() {
        return info.load();
    }
}
