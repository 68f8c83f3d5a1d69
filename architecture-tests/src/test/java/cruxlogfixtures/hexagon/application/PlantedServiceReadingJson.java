package cruxlogfixtures.hexagon.application;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Planted: a use case walking a vendor's JSON itself (APPLICATION_SPEAKS_NO_WIRE_FORMAT must fail). */
public class PlantedServiceReadingJson {
    String eventType(JsonMapper json, String payload) {
        JsonNode event = json.readTree(payload);
        return event.path("type").asString();
    }
}
