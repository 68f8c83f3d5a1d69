package cruxlogfixtures.hexagon.adapter.in;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RestController;

/** Planted: a controller that also declares a bean (BEANS_ARE_DECLARED_IN_CONFIGURATION must fail). */
@RestController
public class PlantedBeanInController {

    @Bean
    static String plantedBean() {
        return "declared where nobody looks for it";
    }
}
