package casedrill.check;

/** One checker's verdict, what it measured (numbers, see {@link Measured}), and one line saying why. */
public record CheckResult(String checker, Verdict verdict, Measured measured, String explanation) {
    public CheckResult {
        measured = measured == null ? new Measured.Nothing() : measured;
    }

    static CheckResult pass(String checker, Measured measured, String explanation) {
        return new CheckResult(checker, Verdict.PASS, measured, explanation);
    }

    static CheckResult fail(String checker, Measured measured, String explanation) {
        return new CheckResult(checker, Verdict.FAIL, measured, explanation);
    }

    /** Pass or fail by {@code met}. */
    static CheckResult judged(String checker, boolean met, Measured measured, String explanation) {
        return new CheckResult(checker, met ? Verdict.PASS : Verdict.FAIL, measured, explanation);
    }

    public static CheckResult unknown(String checker, String explanation) {
        return new CheckResult(checker, Verdict.UNKNOWN, new Measured.Nothing(), explanation);
    }
}
