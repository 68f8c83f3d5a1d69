package cruxlogfixtures.blocking;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

public class PlantedHttpUrlConnection {
    HttpURLConnection run() throws IOException {
        return (HttpURLConnection) URI.create("http://localhost").toURL().openConnection();
    }
}
