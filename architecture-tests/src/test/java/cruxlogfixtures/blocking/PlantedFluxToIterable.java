package cruxlogfixtures.blocking;

import reactor.core.publisher.Flux;

public class PlantedFluxToIterable {
    Iterable<Integer> run() {
        return Flux.just(1, 2).toIterable();
    }
}
