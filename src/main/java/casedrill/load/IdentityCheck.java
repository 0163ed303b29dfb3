package casedrill.load;

import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.Check;
import io.gatling.core.check.CheckMaterializer;
import io.gatling.core.check.CheckResult;
import io.gatling.core.session.Session;
import io.gatling.http.check.HttpCheck;
import io.gatling.http.check.HttpCheckScope;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.internal.HttpCheckType;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;
import scala.Function1;
import scala.Function2;
import scala.Option;

/**
 * One Gatling check that reads the status and the identity headers in a single pass and saves them as one
 * {@link ResponseIdentity}. It replaces four built-in saving checks (status plus three optional headers), each of
 * which runs Gatling's extract/validate/save machinery and copies the session, on the Netty event loop of every
 * request. It never fails, so every response, whatever its status, reaches the hook.
 */
public final class IdentityCheck implements Check<Response> {
    public static final String NODE_HEADER = "X-Served-By-Node";
    public static final String SYSTEM_ID_HEADER = "X-Db-System-Id";
    public static final String TIMELINE_HEADER = "X-Db-Timeline";

    private static final IdentityCheck INSTANCE = new IdentityCheck();
    private static final Option<String> SAVE_AS = Option.apply(GatlingHook.IDENTITY);
    // Status scope, like the status().saveAs(..) check it replaces: Gatling adds its default status check (a second
    // pass, and 4xx/5xx counted as KO in its own report) to any request that has no status-scoped check.
    private static final HttpCheck HTTP_CHECK = new HttpCheck(INSTANCE, HttpCheckScope.Status$.MODULE$);

    private IdentityCheck() {}

    /** The check for {@code http(...).check(...)}. */
    public static CheckBuilder builder() {
        return Builder.INSTANCE;
    }

    @Override
    public Validation<CheckResult> check(Response response, Session session, Map<Object, Object> preparedCache) {
        HttpHeaders headers = response.headers();
        ResponseIdentity identity = new ResponseIdentity(response.status().code(), headers.get(NODE_HEADER),
                headers.get(SYSTEM_ID_HEADER), headers.get(TIMELINE_HEADER));
        return Success.apply(new CheckResult(Option.apply(identity), SAVE_AS));
    }

    @Override
    public Check<Response> checkIf(Function1<Session, Validation<Object>> condition) {
        throw new UnsupportedOperationException("the identity check is unconditional");
    }

    @Override
    public Check<Response> checkIf(Function2<Response, Session, Validation<Object>> condition) {
        throw new UnsupportedOperationException("the identity check is unconditional");
    }

    /**
     * The Java DSL materialises a check by its declared type; this builder ignores the materialiser it is handed
     * and returns the ready-made check, declared as a status check so the DSL accepts it for HTTP requests.
     */
    private enum Builder implements CheckBuilder, io.gatling.core.check.CheckBuilder<Object, Object> {
        INSTANCE;

        @Override
        public io.gatling.core.check.CheckBuilder<?, ?> asScala() {
            return this;
        }

        @Override
        public CheckType type() {
            return HttpCheckType.Status;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <C extends Check<R>, R> C build(CheckMaterializer<Object, C, R, Object> materializer) {
            return (C) HTTP_CHECK;
        }
    }
}
