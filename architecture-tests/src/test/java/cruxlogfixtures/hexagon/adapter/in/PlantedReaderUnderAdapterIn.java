package cruxlogfixtures.hexagon.adapter.in;

import cruxlogfixtures.hexagon.application.SourceFiles;

/** Planted: an out-port implemented under adapter.in (IN_ADAPTERS_IMPLEMENT_NO_OUT_PORTS must fail). */
public class PlantedReaderUnderAdapterIn implements SourceFiles {
    @Override
    public int rows(byte[] file) {
        return file.length;
    }
}
