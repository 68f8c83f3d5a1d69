package cruxlogfixtures.modules.alpha;

import cruxlogfixtures.modules.beta.adapter.out.BetaGateway;

public class PlantedCrossModuleAdapterUse {
    void run(BetaGateway gateway) {
        gateway.call();
    }
}
