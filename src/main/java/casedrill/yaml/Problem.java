package casedrill.yaml;

/** One thing wrong with an input: where, and one sentence saying what. */
public record Problem(Position position, String message) {
    @Override
    public String toString() {
        return position + ": " + message;
    }
}
