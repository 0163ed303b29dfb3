package casedrill.check;

/** A checker's answer. Combining: FAIL beats UNKNOWN beats PASS (Jepsen's invalid / unknown / valid). */
public enum Verdict {
    PASS,
    UNKNOWN,
    FAIL;

    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
