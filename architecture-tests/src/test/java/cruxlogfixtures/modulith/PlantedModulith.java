package cruxlogfixtures.modulith;

/**
 * The root of three planted modules (ledger, quotes, pricing) for ModulithTest: proof that a
 * module's {@code allowedDependencies} fail verification when broken. Never started.
 */
@org.springframework.modulith.Modulithic
public class PlantedModulith {
}
