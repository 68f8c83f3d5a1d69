package cruxlogfixtures.hexagon.domain;

import org.springframework.stereotype.Component;

@Component
public class PlantedSpringInDomain {
}
