package cruxlogfixtures.hexagon.adapter.in;

import cruxlogfixtures.hexagon.adapter.out.SomeRepository;

public class PlantedControllerUsingRepository {
    void run(SomeRepository repository) {
        repository.save();
    }
}
