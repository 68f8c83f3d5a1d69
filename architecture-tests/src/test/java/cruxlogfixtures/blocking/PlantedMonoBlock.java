package cruxlogfixtures.blocking;

import reactor.core.publisher.Mono;

public class PlantedMonoBlock {
    Integer run() {
        return Mono.just(1).block();
    }
}
