package cruxlogfixtures.modules.alpha.adapter.in.web;

import cruxlogfixtures.modules.beta.BetaStatistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Module alpha's REST API answering with module beta's record, as analytics once served the logbook's. */
@RestController
public class PlantedControllerServingAnotherModulesRecord {

    @GetMapping("/overview")
    Mono<BetaStatistics> overview() {
        return Mono.just(new BetaStatistics(1));
    }
}
