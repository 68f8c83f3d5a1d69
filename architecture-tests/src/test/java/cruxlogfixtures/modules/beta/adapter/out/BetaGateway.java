package cruxlogfixtures.modules.beta.adapter.out;

public class BetaGateway {
    public void call() {
    }
}
