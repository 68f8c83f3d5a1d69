package cruxlogfixtures.blockingio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class AllowedFileRead {
    byte[] run() throws IOException {
        return Files.readAllBytes(Path.of("ticks.csv"));
    }
}
