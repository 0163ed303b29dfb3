package casedrill.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a drill for a JUnit 5 test: the scenario is validated (an invalid one fails the test with its
 * {@code file:line:column} problems), the drill runs once per test class and scenario on a fresh stack, and test
 * methods take its {@link casedrill.report.DrillResult} (or {@link DrillRun}) as a parameter. The run folder is kept
 * and sealed as {@code run} keeps and seals it. Assert with {@link DrillAssertions#assertThat}.
 *
 * <p>System properties: {@code casedrill.drill.addressShift} (overrides {@link #addressShift()}),
 * {@code casedrill.drill.reports} (default {@code target/casedrill-reports}), {@code casedrill.drill.key} (signing key
 * file; default as for {@code run}: $CASEDRILL_SIGNING_KEY, else ~/.config/casedrill/signing-key).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(CaseDrillExtension.class)
public @interface CaseDrill {
    /** The scenario file, relative to the working directory (Maven: the module folder), or a class-path resource. */
    String scenario();

    /** The stack provider that runs the drilled stack (see {@code casedrill.provider.StackProviders}); it overrides the scenario's. */
    String provider() default "local";

    /** Moves every stack address by this much in its third octet, so the drill stays clear of other stacks. */
    int addressShift() default 0;

    /** The release label of the system under test, recorded in result.json; empty for none. */
    String release() default "";
}
