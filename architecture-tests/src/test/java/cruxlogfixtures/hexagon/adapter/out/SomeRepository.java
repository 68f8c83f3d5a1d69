package cruxlogfixtures.hexagon.adapter.out;

public class SomeRepository {
    public void save() {
    }
}
