package casedrill.load;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.CheckResult;
import io.gatling.core.session.Session;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import java.util.Map;

/**
 * Fails a request in Gatling's own report exactly when {@link ExpectedStatuses} says the recorder counts it failed,
 * so the kept Gatling report and the verdict give one answer. It saves nothing (no session copy); a request with
 * no response never reaches a check and is a KO to Gatling already, as it is a failure to the recorder.
 */
public final class ExpectedStatusCheck extends UnconditionalCheck {
    private final ExpectedStatuses expected;

    private ExpectedStatusCheck(ExpectedStatuses expected) {
        this.expected = expected;
    }

    /** The check for {@code http(...).check(...)}, beside {@link IdentityCheck#builder()}. */
    public static CheckBuilder of(ExpectedStatuses expected) {
        return ReadyHttpCheck.statusScoped(new ExpectedStatusCheck(expected));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Validation<CheckResult> check(Response response, Session session, Map<Object, Object> preparedCache) {
        int status = response.status().code();
        if (expected.accepts(status)) {
            return CheckResult.NoopCheckResultSuccess();
        }
        // Scala's Failure is a Validation[Nothing], which Java sees as unrelated to Validation<CheckResult>.
        return (Validation<CheckResult>) (Validation<?>) Failure.apply("status " + status + ", expected one of " + expected);
    }
}
