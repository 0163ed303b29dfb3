package casedrill.evidence;

/** One thing verification found wrong: where (a run, a file, a ledger line) and what, in one sentence. */
public record Finding(String where, String problem) {
    @Override
    public String toString() {
        return where + ": " + problem;
    }
}
