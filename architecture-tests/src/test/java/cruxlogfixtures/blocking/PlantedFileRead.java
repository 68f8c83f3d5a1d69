package cruxlogfixtures.blocking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class PlantedFileRead {
    byte[] run() throws IOException {
        return Files.readAllBytes(Path.of("ticks.csv"));
    }
}
