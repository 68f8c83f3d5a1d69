package cruxlogfixtures.hexagon.adapter.out.persistence;

public class StoredKeys {
    public byte[] key() {
        return new byte[32];
    }
}
