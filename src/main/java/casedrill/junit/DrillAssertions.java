package casedrill.junit;

import casedrill.report.DrillResult;

/** AssertJ entry points for drills: {@code assertThat(result).passed()}, {@code .target("rto").measuredSeconds().isLessThan(30.0)}. */
public final class DrillAssertions {
    private DrillAssertions() {
    }

    public static DrillResultAssert assertThat(DrillResult actual) {
        return new DrillResultAssert(actual, CaseDrillExtension.folderOf(actual).map(Object::toString).orElse("(not run by @CaseDrill)"));
    }

    public static DrillResultAssert assertThat(DrillRun actual) {
        return new DrillResultAssert(actual.result(), actual.folder().toString());
    }
}
