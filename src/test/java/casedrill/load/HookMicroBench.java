package casedrill.load;

import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.DrillClock;
import casedrill.probe.Tokens;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.validation.Success;
import io.gatling.core.check.CheckResult;
import io.gatling.http.check.HttpCheck;
import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.internal.HttpChecks$;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The event-loop work the hook adds to one request, without Gatling's network path: the checks on a ready-made
 * response plus the session reads and writes around them, for the four saving checks the hook used before and
 * for {@link IdentityCheck}; and the whole hook (stamp, check, judge, enqueue into a live recorder). Single thread,
 * nanoseconds per request; it isolates what changed, the throughput benchmark says what it costs in the whole.
 */
@Tag("bench")
class HookMicroBench {
    private static final int N = Integer.getInteger("bench.iterations", 2_000_000);

    private final Session fresh = new Session(new io.gatling.core.session.Session("status", 1,
            scala.collection.immutable.Map$.MODULE$.empty(), OK$.MODULE$, emptyBlocks(),
            s -> scala.runtime.BoxedUnit.UNIT, null));

    @Test
    void identityCheckAgainstFourSavingChecks() throws Exception {
        // The DSL refuses to build checks outside a Gatling run unless a configuration is installed.
        if (io.gatling.core.Predef$.MODULE$._configuration() == null) {
            io.gatling.core.Predef$.MODULE$._configuration_$eq(io.gatling.core.config.GatlingConfiguration$.MODULE$.load());
        }
        List<HttpCheck> four = scalaChecks(List.of(status().saveAs("cd_status"),
                header("X-Served-By-Node").optional().saveAs("cd_node"),
                header("X-Db-System-Id").optional().saveAs("cd_systemId"),
                header("X-Db-Timeline").optional().saveAs("cd_timeline")));
        List<HttpCheck> one = scalaChecks(List.of(IdentityCheck.builder()));
        RequestRecorder recorder = new RequestRecorder(e -> { }, 2_000);
        GatlingHook hook = new GatlingHook(new LoadParameters(URI.create("http://127.0.0.1:1"), new Tokens("c", "o", "p"),
                new LoadProfile(1, Duration.ZERO, Duration.ofSeconds(1), null, null), Duration.ofSeconds(5), "bench",
                DrillClock.system(), recorder, null, null, null));
        ExpectedStatuses expected = ExpectedStatuses.of(200);
        List<HttpCheck> hookChecks = scalaChecks(List.of(IdentityCheck.builder(), ExpectedStatusCheck.of(expected)));
        long sink = 0;
        double previous = 0;
        double current = 0;
        double whole = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                Session s = fresh.remove("cd_status").remove("cd_node").remove("cd_systemId").remove("cd_timeline")
                        .remove("cd_caseId").set("cd_sentNanos", System.nanoTime());
                s = apply(four, s);
                sink += s.contains("cd_status") ? s.getInt("cd_status") : 0;
                sink += s.getString("cd_node").length() + s.getString("cd_systemId").length()
                        + (s.contains("cd_timeline") ? 1 : 0);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                Session s = apply(one, hook.beforeRequest(fresh));
                ResponseIdentity identity = s.get(GatlingHook.IDENTITY);
                sink += identity.status() + identity.node().length() + identity.systemId().length()
                        + s.remove(GatlingHook.IDENTITY).getLong("cd_sentNanos") % 2;
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                sink += hook.afterRequest(apply(hookChecks, hook.beforeRequest(fresh)), "status", expected).userId();
            }
            long t3 = System.nanoTime();
            previous = (t1 - t0) / (double) N;
            current = (t2 - t1) / (double) N;
            whole = (t3 - t2) / (double) N;
        }
        recorder.close();
        String text = String.format(Locale.ROOT, "hook micro-benchmark %s, %d requests per variant, one thread: "
                        + "four saving checks + session reads/writes %.0f ns, identity check + session reads/writes "
                        + "%.0f ns; whole hook (stamp, identity and expected-status checks, judge, enqueue) %.0f ns per request (checksum %d)%n",
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), N, previous, current,
                whole, sink);
        System.out.print(text);
        Path file = Path.of("target", "bench", "recorder.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertThat(recorder.recorded()).as("every judged request reached the recorder").isEqualTo(3L * N);
        assertThat(current).as("identity check path vs four saving checks").isLessThan(previous);
    }

    private static Session apply(List<HttpCheck> checks, Session session) {
        io.gatling.core.session.Session s = session.asScala();
        java.util.Map<Object, Object> cache = new HashMap<>();
        for (HttpCheck check : checks) {
            CheckResult result = ((Success<CheckResult>) check.check(RESPONSE, s, cache)).value();
            s = result.update(s);
        }
        return new Session(s);
    }

    private static final Response RESPONSE = response();

    @SuppressWarnings("unchecked")
    private static scala.collection.immutable.List<io.gatling.core.session.Block> emptyBlocks() {
        return (scala.collection.immutable.List<io.gatling.core.session.Block>) (Object) scala.collection.immutable.Nil$.MODULE$;
    }

    private static Response response() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Content-Type", "application/json")
                .add(IdentityCheck.NODE_HEADER, "app-dc1-a").add(IdentityCheck.SYSTEM_ID_HEADER, "7311000000000000001")
                .add(IdentityCheck.TIMELINE_HEADER, "1");
        return new Response(null, 0, 1, HttpResponseStatus.OK, headers, null,
                scala.collection.immutable.Map$.MODULE$.empty(), false);
    }

    private static List<HttpCheck> scalaChecks(List<CheckBuilder> builders) {
        return scala.jdk.javaapi.CollectionConverters.asJava(HttpChecks$.MODULE$.toScalaChecks(builders));
    }
}
