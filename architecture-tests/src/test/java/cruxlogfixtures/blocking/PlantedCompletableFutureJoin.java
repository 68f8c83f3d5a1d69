package cruxlogfixtures.blocking;

import java.util.concurrent.CompletableFuture;

public class PlantedCompletableFutureJoin {
    String run() {
        return CompletableFuture.supplyAsync(() -> "x").join();
    }
}
