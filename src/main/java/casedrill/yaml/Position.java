package casedrill.yaml;

/** A place in an input file, 1-based like every editor shows it. */
public record Position(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
