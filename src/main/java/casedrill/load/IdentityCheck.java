package casedrill.load;

import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.CheckResult;
import io.gatling.core.session.Session;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;
import scala.Option;

/**
 * One Gatling check that reads the status and the identity headers in a single pass and saves them as one
 * {@link ResponseIdentity}. It replaces four built-in saving checks (status plus three optional headers), each of
 * which runs Gatling's extract/validate/save machinery and copies the session, on the Netty event loop of every
 * request. It never fails: whether the status was expected is {@link ExpectedStatusCheck}'s to say, and Gatling
 * applies a saving check's result even when another check of the request fails, so every response reaches the hook.
 */
public final class IdentityCheck extends UnconditionalCheck {
    public static final String NODE_HEADER = "X-Served-By-Node";
    public static final String SYSTEM_ID_HEADER = "X-Db-System-Id";
    public static final String TIMELINE_HEADER = "X-Db-Timeline";

    private static final IdentityCheck INSTANCE = new IdentityCheck();
    private static final Option<String> SAVE_AS = Option.apply(GatlingHook.IDENTITY);
    private static final ReadyHttpCheck BUILDER = ReadyHttpCheck.statusScoped(INSTANCE);

    private IdentityCheck() {}

    /** The check for {@code http(...).check(...)}. */
    public static CheckBuilder builder() {
        return BUILDER;
    }

    @Override
    public Validation<CheckResult> check(Response response, Session session, Map<Object, Object> preparedCache) {
        HttpHeaders headers = response.headers();
        ResponseIdentity identity = new ResponseIdentity(response.status().code(), headers.get(NODE_HEADER),
                headers.get(SYSTEM_ID_HEADER), headers.get(TIMELINE_HEADER));
        return Success.apply(new CheckResult(Option.apply(identity), SAVE_AS));
    }
}
