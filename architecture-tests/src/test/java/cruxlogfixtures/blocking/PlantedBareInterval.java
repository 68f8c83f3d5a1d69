package cruxlogfixtures.blocking;

import java.time.Duration;

import reactor.core.publisher.Flux;

/** Planted: a bare interval (NO_BARE_INTERVALS must fail). */
public class PlantedBareInterval {
    Flux<Long> run() {
        return Flux.interval(Duration.ofSeconds(1));
    }
}
