package cruxlogfixtures.blocking;

import reactor.core.publisher.Mono;

/** Planted: three things zipped and read back by position (NO_TUPLES_READ_BY_POSITION must fail). */
public class PlantedTupleByPosition {
    Mono<String> run(Mono<String> name, Mono<Integer> age, Mono<Boolean> active) {
        return Mono.zip(name, age, active).map(all -> all.getT1() + all.getT2() + all.getT3());
    }
}
