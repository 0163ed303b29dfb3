package casedrill.check;

/** One checker's verdict, the measured value in words ("4.3 s", "0 writes"), and one line saying why. */
public record CheckResult(String checker, Verdict verdict, String measured, String explanation) {
    static CheckResult pass(String checker, String measured, String explanation) {
        return new CheckResult(checker, Verdict.PASS, measured, explanation);
    }

    static CheckResult fail(String checker, String measured, String explanation) {
        return new CheckResult(checker, Verdict.FAIL, measured, explanation);
    }

    static CheckResult unknown(String checker, String explanation) {
        return new CheckResult(checker, Verdict.UNKNOWN, "-", explanation);
    }
}
