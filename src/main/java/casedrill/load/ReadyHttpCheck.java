package casedrill.load;

import io.gatling.core.check.Check;
import io.gatling.core.check.CheckMaterializer;
import io.gatling.http.check.HttpCheck;
import io.gatling.http.check.HttpCheckScope;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.CheckBuilder.CheckType;
import io.gatling.javaapi.http.internal.HttpCheckType;

/**
 * A check of our own for {@code http(...).check(...)}. The Java DSL materialises a check by its declared type; this
 * builder ignores the materialiser it is handed and returns the ready-made check, declared as a status check so the
 * DSL accepts it for HTTP requests. Status scope also keeps Gatling from adding its default status check (a second
 * pass that counts every 4xx/5xx as KO, whatever the transaction expects) to a request that has no status-scoped check.
 */
final class ReadyHttpCheck implements CheckBuilder, io.gatling.core.check.CheckBuilder<Object, Object> {
    private final HttpCheck check;

    private ReadyHttpCheck(HttpCheck check) {
        this.check = check;
    }

    static ReadyHttpCheck statusScoped(Check<Response> check) {
        return new ReadyHttpCheck(new HttpCheck(check, HttpCheckScope.Status$.MODULE$));
    }

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
        return (C) check;
    }
}
