package casedrill.junit;

import org.assertj.core.api.AbstractDoubleAssert;

/** A measured figure (seconds or a ratio) with AssertJ's number assertions, plus {@link #isBelow}. */
public final class FigureAssert extends AbstractDoubleAssert<FigureAssert> {
    FigureAssert(double actual) {
        super(actual, FigureAssert.class);
    }

    /** Strictly less than {@code limit}. */
    public FigureAssert isBelow(double limit) {
        return isLessThan(limit);
    }
}
