package dev.cruxlog.platform;

import java.util.function.Function;

/**
 * A module's vocabulary published as enums whose constants each have a stored id (the value a
 * column and the API's JSON hold): reading one back is the same everywhere, and an id no
 * constant has is a row this code did not write, said loudly rather than guessed.
 */
public final class StoredIds {

    private StoredIds() {
    }

    public static <E extends Enum<E>> E byId(E[] constants, Function<E, String> idOf, String id) {
        for (E constant : constants) {
            if (idOf.apply(constant).equals(id)) {
                return constant;
            }
        }
        String kind = constants.length == 0 ? "value" : constants[0].getDeclaringClass().getSimpleName();
        throw new IllegalStateException("Unknown " + kind + " '" + id + "'");
    }
}
