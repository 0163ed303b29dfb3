package casedrill.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.testing.LocalPostgres;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The executor against a tiny local HTTP server, a real PostgreSQL and real processes. */
class RunbookExecutorTest {
    private static final String SECRET = "s3cret-token-value";
    private static final AtomicInteger READY_CALLS = new AtomicInteger();
    private static LocalPostgres pg;
    private static HttpServer web;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        pg = LocalPostgres.start();
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/primary", x -> reply(x, 200, "{\"role\":\"primary\"}"));
        // ready only from the third call on: something an await step has to poll for
        web.createContext("/ready", x -> reply(x, READY_CALLS.incrementAndGet() >= 3 ? 200 : 503, "calls " + READY_CALLS.get()));
        web.createContext("/leaky", x -> reply(x, 200, "token=" + SECRET + " " + "x".repeat(10_000)));
        web.start();
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.stop(0);
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange x, int status, String body) throws IOException {
        x.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static RunbookHosts hosts() {
        return new RunbookHosts() {
            @Override
            public String endpoint(String node, String port) {
                if (node.equals("web") && port.equals("http")) {
                    return "127.0.0.1:" + web.getAddress().getPort();
                }
                throw new IllegalArgumentException("no port " + port + " on node " + node);
            }

            @Override
            public String address(String node) {
                return "127.0.0.1";
            }

            @Override
            public String jdbcUrl(String node) {
                return pg.jdbcUrl("postgres");
            }

            @Override
            public String dbUser() {
                return "postgres";
            }

            @Override
            public String dbPassword() {
                return "";
            }

            @Override
            public List<String> secrets() {
                return List.of(SECRET);
            }
        };
    }

    private RunbookExecutor executor(Operator operator) {
        return new RunbookExecutor(hosts(), operator, DrillClock.system(), events::add, line -> { });
    }

    private static RunbookStep sql(String name, RunbookStep.Phase phase, String query, String expect) {
        return new RunbookStep(name, RunbookStep.Kind.SQL, phase, Duration.ofSeconds(10), List.of(), 0, Optional.empty(),
                Optional.of(new RunbookStep.SqlCheck("pg", query, expect)), Duration.ofMillis(500), "", Duration.ZERO);
    }

    private static RunbookStep http(String name, RunbookStep.Kind kind, String path, int status, String body) {
        return new RunbookStep(name, kind, RunbookStep.Phase.ACT, Duration.ofSeconds(10), List.of(), 0,
                Optional.of(new RunbookStep.HttpCheck("GET", "http://${web.http}" + path, "", status, body)), Optional.empty(),
                Duration.ofMillis(50), "", Duration.ZERO);
    }

    private static RunbookStep command(String name, Duration timeout, String... argv) {
        return new RunbookStep(name, RunbookStep.Kind.COMMAND, RunbookStep.Phase.ACT, timeout, List.of(argv), 0, Optional.empty(),
                Optional.empty(), Duration.ofMillis(500), "", Duration.ZERO);
    }

    private static RunbookStep manual(String name, Duration delay) {
        return new RunbookStep(name, RunbookStep.Kind.MANUAL, RunbookStep.Phase.DECIDE, Duration.ofMinutes(10), List.of(), 0,
                Optional.empty(), Optional.empty(), Duration.ofMillis(500), "Approve the change.", delay);
    }

    private static Runbook book(RunbookStep... steps) {
        return new Runbook("test-book", "test", "", null, List.of(steps));
    }

    private <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void runsEveryKindInOrderAndRecordsEachStep() {
        READY_CALLS.set(0);
        RunbookOutcome outcome = executor(Operator.automatic(line -> { })).execute(book(
                sql("database is primary", RunbookStep.Phase.DETECT, "SELECT pg_is_in_recovery()", "f"),
                sql("placeholders expand in expect", RunbookStep.Phase.DETECT, "SELECT host(inet_server_addr())", "${pg.host}"),
                manual("approval", Duration.ofMillis(200)),
                sql("a command without rows", RunbookStep.Phase.ACT, "CHECKPOINT", null),
                http("leader answers", RunbookStep.Kind.HTTP, "/primary", 200, "primary"),
                http("becomes ready", RunbookStep.Kind.AWAIT, "/ready", 200, ""),
                command("a program runs", Duration.ofSeconds(10), "echo", "routed to ${web.http}")));

        assertThat(outcome.completed()).as(outcome.describe()).isTrue();
        assertThat(all(Event.RunbookStepStarted.class)).extracting(Event.RunbookStepStarted::step).containsExactly("database is primary",
                "placeholders expand in expect", "approval", "a command without rows", "leader answers", "becomes ready", "a program runs");
        List<Event.RunbookStep> ended = all(Event.RunbookStep.class);
        assertThat(ended).extracting(Event.RunbookStep::status).containsOnly("ok");
        assertThat(ended).extracting(Event.RunbookStep::phase).containsExactly("detect", "detect", "decide", "act", "act", "act", "act");
        assertThat(ended.get(2).durationMs()).as("the manual step waits its recorded delay").isGreaterThanOrEqualTo(200);
        assertThat(ended.get(5).excerpt()).as("the await polled until the third call").contains("after 3 attempts");
        assertThat(ended.get(6).excerpt()).contains("routed to 127.0.0.1:" + web.getAddress().getPort()).contains("exit 0");
        assertThat(all(Event.RunbookEnded.class)).singleElement().extracting(Event.RunbookEnded::outcome).isEqualTo("completed");
    }

    @Test
    void aFailedStepStopsTheRunbookAndIsNamed() {
        RunbookOutcome outcome = executor(Operator.automatic(line -> { })).execute(book(
                sql("database is a standby", RunbookStep.Phase.DETECT, "SELECT pg_is_in_recovery()", "t"),
                http("never reached", RunbookStep.Kind.HTTP, "/primary", 200, "")));

        assertThat(outcome.status()).isEqualTo(RunbookOutcome.Status.FAILED);
        assertThat(outcome.failedStep()).isEqualTo("database is a standby");
        assertThat(outcome.reason()).contains("pg: f").contains("expected 't'");
        assertThat(all(Event.RunbookStepStarted.class)).as("nothing runs after the failed step").hasSize(1);
        Event.RunbookEnded end = all(Event.RunbookEnded.class).get(0);
        assertThat(end.outcome()).isEqualTo("failed");
        assertThat(end.failedStep()).isEqualTo("database is a standby");
    }

    @Test
    void aCommandOverItsTimeoutIsKilledByPid() {
        RunbookOutcome outcome = executor(Operator.automatic(line -> { })).execute(book(
                command("hangs", Duration.ofMillis(500), "sleep", "60")));

        String excerpt = all(Event.RunbookStep.class).get(0).excerpt();
        Matcher pid = Pattern.compile("killed \\(PID (\\d+)\\)").matcher(excerpt);
        assertThat(outcome.status()).isEqualTo(RunbookOutcome.Status.FAILED);
        assertThat(pid.find()).as(excerpt).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false)).isFalse());
    }

    @Test
    void aWrongExitCodeFailsTheStep() {
        RunbookOutcome outcome = executor(Operator.automatic(line -> { })).execute(book(command("fails", Duration.ofSeconds(10), "false")));

        assertThat(outcome.status()).isEqualTo(RunbookOutcome.Status.FAILED);
        assertThat(outcome.reason()).contains("exit 1");
    }

    @Test
    void excerptsAreRedactedAndBounded() {
        executor(Operator.automatic(line -> { })).execute(book(http("leaks", RunbookStep.Kind.HTTP, "/leaky", 200, "")));

        String excerpt = all(Event.RunbookStep.class).get(0).excerpt();
        assertThat(excerpt).doesNotContain(SECRET).hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS);
        assertThat(new Excerpt(List.of(SECRET)).of("before token=" + SECRET + " and postgresql://u:pw@host/db"))
                .isEqualTo("before token=[redacted] and postgresql://u:[redacted]@host/db");
    }

    @Test
    void anInterruptedRunbookRecordsThatItDidNotFinish() {
        AtomicReference<RunbookOutcome> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> outcome.set(executor(Operator.automatic(line -> { }))
                .execute(book(manual("waits for ever", Duration.ofMinutes(5))))));
        runner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !all(Event.RunbookStepStarted.class).isEmpty());
        runner.interrupt();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outcome.get()).isNotNull());
        assertThat(outcome.get().status()).isEqualTo(RunbookOutcome.Status.INTERRUPTED);
        assertThat(all(Event.RunbookStep.class)).singleElement().extracting(Event.RunbookStep::status).isEqualTo("failed");
        assertThat(all(Event.RunbookEnded.class)).singleElement().extracting(Event.RunbookEnded::outcome).isEqualTo("interrupted");
    }
}
