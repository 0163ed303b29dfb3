package casedrill.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test's {@code Path} field naming a folder of run folders that outlives the test (not a {@code @TempDir}),
 * so {@link ResultSchemaGuard} validates the result.json files a drill writes there as well.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface KeptResults {
}
