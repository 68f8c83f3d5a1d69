package cruxlogfixtures.blocking;

import java.io.IOException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

public class PlantedJsoupConnect {
    Document run() throws IOException {
        return Jsoup.connect("https://www.8a.nu").get();
    }
}
