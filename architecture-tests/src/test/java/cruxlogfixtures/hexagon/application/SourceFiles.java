package cruxlogfixtures.hexagon.application;

/** An out-port of the planted hexagon: what a use case asks of a file reader. */
public interface SourceFiles {
    int rows(byte[] file);
}
