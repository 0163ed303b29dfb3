package casedrill.load;

import io.gatling.commons.validation.Validation;
import io.gatling.core.check.Check;
import io.gatling.core.session.Session;
import io.gatling.http.response.Response;
import scala.Function1;
import scala.Function2;

/** Our own Gatling checks run on every response: the recorder and Gatling's report both rely on that. */
abstract class UnconditionalCheck implements Check<Response> {
    @Override
    public final Check<Response> checkIf(Function1<Session, Validation<Object>> condition) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is unconditional");
    }

    @Override
    public final Check<Response> checkIf(Function2<Response, Session, Validation<Object>> condition) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is unconditional");
    }
}
