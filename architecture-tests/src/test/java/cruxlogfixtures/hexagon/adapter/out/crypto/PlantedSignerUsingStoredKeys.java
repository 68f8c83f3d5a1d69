package cruxlogfixtures.hexagon.adapter.out.crypto;

import cruxlogfixtures.hexagon.adapter.out.persistence.StoredKeys;

/** Planted: one out-adapter using another's class, no port between (OUT_ADAPTERS_MEET_THROUGH_PORTS must fail). */
public class PlantedSignerUsingStoredKeys {
    byte[] sign(StoredKeys keys) {
        return keys.key();
    }
}
