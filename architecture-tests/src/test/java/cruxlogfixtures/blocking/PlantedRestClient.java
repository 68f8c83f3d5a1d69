package cruxlogfixtures.blocking;

import org.springframework.web.client.RestClient;

public class PlantedRestClient {
    RestClient client = RestClient.create();
}
