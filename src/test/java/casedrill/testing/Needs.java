package casedrill.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * A test's precondition on the machine (root, a package, a kernel feature). Run by hand with plain {@code mvn test} a
 * missing one skips the test; under {@code make test} (and so in CI, whose machine the Makefile provisions) it fails it,
 * because a check that silently skips there would be presented as done.
 */
public final class Needs {
    /** Set by the Makefile's {@code test} target. */
    static final String REQUIRE_ALL = "casedrill.test.requireAll";

    private Needs() {}

    public static void that(boolean met, String what) {
        if (Boolean.getBoolean(REQUIRE_ALL)) {
            if (!met) {
                throw new AssertionError("precondition not met under make test (-D" + REQUIRE_ALL + "): " + what);
            }
        } else {
            Assumptions.assumeTrue(met, what);
        }
    }
}
