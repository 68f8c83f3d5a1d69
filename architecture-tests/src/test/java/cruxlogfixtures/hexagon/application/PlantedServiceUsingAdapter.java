package cruxlogfixtures.hexagon.application;

import cruxlogfixtures.hexagon.adapter.out.SomeRepository;

public class PlantedServiceUsingAdapter {
    void run(SomeRepository repository) {
        repository.save();
    }
}
