package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.cli.Main;
import casedrill.fault.Lease;
import casedrill.fault.LeaseFile;
import casedrill.history.Event;
import casedrill.history.HistoryReader;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.stack.HostPort;
import casedrill.stack.local.LocalProcess;
import casedrill.stack.local.LocalStack;
import casedrill.testing.GatlingReportTotals;
import casedrill.topology.DbVariant;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole drills through the {@code run} command on one real local stack (attached, so it starts once):
 * a steady state that cannot be met, a short passing drill, and a harness killed with SIGKILL whose
 * faults {@code recover} heals from the lease file alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillRunTest {
    /** Away from a stack run by hand (shift 0) and the stack tests' (100); another value lets two test runs share a machine. */
    private static final int ADDRESS_SHIFT = Integer.getInteger("casedrill.test.drillAddressShift", 60);
    private static final Path DRILLS = Path.of("src/test/resources/drills");

    private LocalStack stack;
    private ToxiproxyClient toxiproxy;

    @TempDir
    Path reports;

    @BeforeAll
    void up() {
        stack = DrillTestStack.up(ADDRESS_SHIFT, DbVariant.DEFAULT);
        HostPort api = stack.toxiproxyApi();
        toxiproxy = new ToxiproxyClient(api.host(), api.port());
    }

    @AfterAll
    void down() {
        if (stack != null) {
            assertThat(stack.down(false)).as("processes left alive by stack down").isEmpty();
        }
    }

    private int run(String scenario) {
        // a key of the test's own, so a test run never creates the operator's ~/.config/casedrill key
        return Main.execute("run", DRILLS.resolve(scenario).toString(), "--attach", stack.directory().toString(),
                "--reports", reports.toString(), "--key", reports.resolve("test-signing-key").toString());
    }

    private Path onlyRunFolder(String scenario) throws IOException {
        try (Stream<Path> runs = Files.list(reports.resolve(scenario))) {
            List<Path> all = runs.toList();
            assertThat(all).as("run folders of %s", scenario).hasSize(1);
            return all.get(0);
        }
    }

    private List<String> allToxics() throws IOException {
        List<String> names = new ArrayList<>();
        for (Proxy p : toxiproxy.getProxies()) {
            p.toxics().getAll().forEach(t -> names.add(p.getName() + "/" + t.getName()));
        }
        return names;
    }

    private List<LocalProcess> stoppedProcessesOf(String node) {
        return stack.state().process(node).orElseThrow().process().tree().stream().filter(LocalProcess::stopped).toList();
    }

    @Test
    @Order(1)
    void aSteadyStateThatCannotBeMetEndsInconclusiveWithoutInjecting() throws Exception {
        // In a child JVM: a drill ended early leaves its Gatling injector to run out, which would block the next load run here.
        Process harness = harness("impossible-steady-state.yaml", reports);
        try {
            assertThat(harness.waitFor(180, TimeUnit.SECONDS)).as("harness finished").isTrue();
            assertThat(harness.exitValue()).as("exit code").isEqualTo(3);
        } finally {
            stop(harness);
        }
        Path folder = onlyRunFolder("impossible-steady-state");
        DrillResult result = ResultJson.read(folder.resolve("result.json"));
        assertThat(result.reason()).as("reason").startsWith("steady state not reached").contains("p95");
        assertThat(HistoryReader.read(folder.resolve("history.jsonl")).all(Event.FaultInjected.class)).as("injections").isEmpty();
        assertThat(allToxics()).as("toxics").isEmpty();
        assertThat(stoppedProcessesOf("app-dc1-a")).as("paused processes of app-dc1-a").isEmpty();
    }

    @Test
    @Order(2)
    void aShortDrillMeetsItsTargetsAndWritesEveryResultFile() throws IOException {
        int exit = run("short-app-hang.yaml");
        Path folder = onlyRunFolder("short-app-hang");
        // Whatever the verdict, the kept Gatling report must count the failures the run's history counts.
        GatlingReportTotals gatling = GatlingReportTotals.read(folder.resolve("gatling"));
        assertThat(gatling.ko()).as("KO in the kept Gatling report (%s) vs failed Gatling requests in history.jsonl", gatling)
                .isEqualTo(HistoryReader.read(folder.resolve("history.jsonl")).all(Event.LoadSecond.class)
                        .filter(s -> !s.outcome().ok()).mapToLong(Event.LoadSecond::count).sum());
        // The load runs on the drill's clock: offset 0 is Gatling's go, not the start of its boot (seconds earlier).
        assertThat(HistoryReader.read(folder.resolve("history.jsonl")).all(Event.LoadSecond.class)
                .mapToLong(Event.LoadSecond::offsetMs).min().orElse(Long.MAX_VALUE))
                .as("offset of the first second with Gatling requests").isLessThanOrEqualTo(2_000L);
        DrillResult result = ResultJson.read(folder.resolve("result.json"));
        assertThat(exit).as("exit code; targets: %s", result.targets()).isEqualTo(0);
        assertThat(result.targets()).extracting(DrillResult.TargetResult::name).as("targets")
                .containsExactly("rto", "rpo", "error-budget", "split-brain");
        assertThat(result.timeline()).extracting(DrillResult.TimelineEntry::kind).as("timeline kinds")
                .contains("steady_state", "fault_injected", "fault_healed", "reconciled");
        for (String file : List.of("junit.xml", "summary.md", "report.html", "history.jsonl")) {
            assertThat(folder.resolve(file)).as(file).isNotEmptyFile();
        }
        List<Event.ClusterSample> samples = HistoryReader.read(folder.resolve("history.jsonl")).all(Event.ClusterSample.class).toList();
        assertThat(samples).as("cluster samples, one a second after the steady state").hasSizeGreaterThan(5);
        assertThat(samples).as("samples in which pg-dc1 led and answered writable itself").anyMatch(c -> "pg-dc1".equals(c.leader())
                && c.members().stream().anyMatch(m -> m.name().equals("pg-dc1") && Boolean.TRUE.equals(m.writable())));
        assertThat(samples).as("samples with the replica's lag").anyMatch(c -> c.members().stream().anyMatch(m -> m.lagBytes() != null));
        assertThat(folder.resolve("report.html")).content().as("leader and lag charts drawn from the samples")
                .doesNotContain("<strong>Leader per node</strong>: no data recorded").doesNotContain("<strong>Replication lag</strong>: no data recorded")
                .contains("<strong>Leader per node</strong>: pg-dc1 ");
        assertThat(folder.resolve("stack-logs/app-dc1-a.log")).as("copied stack log").exists();
        assertThat(folder.resolve("stack-logs/pg-dc1.postgresql.log")).as("PostgreSQL's own log")
                .content().contains("database system is ready to accept connections");
        assertThat(folder.resolve("gatling")).as("Gatling's report").isDirectory();
        assertThat(new LeaseFile(folder).read().faults()).as("lease after the drill").isEmpty();
        assertThat(stoppedProcessesOf("app-dc1-a")).as("paused processes of app-dc1-a").isEmpty();
    }

    @Test
    @Order(3)
    void recoverHealsWhatASigkilledHarnessLeft() throws Exception {
        Path childReports = reports.resolve("killed");
        Process harness = harness("leftover-faults.yaml", childReports);
        try {
            Path[] folder = new Path[1];
            await("three faults leased and in effect (harness log target/drill-test-logs/leftover-faults.yaml.log)").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast(DrillTestStack.endedEarly(harness, DRILLS.resolve("leftover-faults.yaml"))).until(() -> {
                        folder[0] = onlyRunFolder("killed/leftover-faults");
                        Lease lease = new LeaseFile(folder[0]).read();
                        return lease.faults().size() == 3 && allToxics().size() == 4 && !stoppedProcessesOf("app-dc1-b").isEmpty();
                    });
            assertThat(toxiproxy.getProxy("app-dc2-b-from-edge").toxics().getAll()).extracting(t -> t.getName())
                    .as("partition toxics").containsExactlyInAnyOrder("cut-edge-upstream", "cut-edge-downstream");
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).as("harness gone").isTrue();
            assertThat(allToxics()).as("toxics left by the killed harness (partition and latency, both directions)").hasSize(4);

            assertThat(Main.execute("recover", folder[0].toString())).as("recover exit code").isEqualTo(0);

            assertThat(allToxics()).as("toxics after recover").isEmpty();
            assertThat(toxiproxy.getProxies()).as("proxies after recover").allMatch(Proxy::isEnabled);
            assertThat(stoppedProcessesOf("app-dc1-b")).as("paused processes of app-dc1-b after recover").isEmpty();
            assertThat(new LeaseFile(folder[0]).read().faults()).as("lease after recover").isEmpty();
            // recover returns only once the stack is back (it used to exit 0 with the gslb at 0/4 app nodes UP)
            assertThat(stack.status().nodes()).as("nodes not healthy when recover returned")
                    .filteredOn(n -> !n.healthy()).isEmpty();
        } finally {
            stop(harness);
        }
    }

    @Test
    @Order(4)
    void sigtermHealsEveryActiveFaultThroughTheShutdownHook() throws Exception {
        Path childReports = reports.resolve("terminated");
        Process harness = harness("leftover-faults.yaml", childReports);
        try {
            await("faults in effect (harness log target/drill-test-logs/leftover-faults.yaml.log)").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast(DrillTestStack.endedEarly(harness, DRILLS.resolve("leftover-faults.yaml")))
                    .until(() -> allToxics().size() == 4 && !stoppedProcessesOf("app-dc1-b").isEmpty());
            harness.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
            assertThat(harness.waitFor(90, TimeUnit.SECONDS)).as("harness gone after SIGTERM").isTrue();
            assertThat(allToxics()).as("toxics after SIGTERM").isEmpty();
            assertThat(stoppedProcessesOf("app-dc1-b")).as("paused processes of app-dc1-b after SIGTERM").isEmpty();
            Path folder = onlyRunFolder("terminated/leftover-faults");
            assertThat(new LeaseFile(folder).read().faults()).as("lease after SIGTERM").isEmpty();
        } finally {
            stop(harness);
        }
    }

    @Test
    @Order(5)
    void anAbortConditionStopsTheDrillHealsAndStopsTheLoad() throws Exception {
        Path childReports = reports.resolve("aborted");
        Process harness = harness("abort-on-outage.yaml", childReports);
        try {
            assertThat(harness.waitFor(240, TimeUnit.SECONDS)).as("harness finished").isTrue();
            assertThat(harness.exitValue()).as("exit code (log target/drill-test-logs/abort-on-outage.yaml.log)").isEqualTo(3);
        } finally {
            stop(harness);
        }
        Path folder = onlyRunFolder("aborted/abort-on-outage");
        DrillResult result = ResultJson.read(folder.resolve("result.json"));
        assertThat(result.reason()).as("reason").startsWith("aborted: 'errorRate > 50%' held for");
        var history = HistoryReader.read(folder.resolve("history.jsonl"));
        List<Event.AbortFired> fired = history.all(Event.AbortFired.class).toList();
        assertThat(fired).as("abort events").hasSize(1);
        long faultAt = history.all(Event.FaultInjected.class).findFirst().orElseThrow().offsetMs();
        assertThat(fired.get(0).offsetMs()).as("abort offset vs the drill's 120 s").isGreaterThan(faultAt).isLessThan(100_000);
        assertThat(fired.get(0).heldMs()).as("held").isGreaterThanOrEqualTo(3_000);
        assertThat(history.all(Event.FaultHealed.class)).as("heals").hasSize(4);
        assertThat(toxiproxy.getProxies()).as("proxies after the abort").allMatch(Proxy::isEnabled);
        assertThat(new LeaseFile(folder).read().faults()).as("lease after the abort").isEmpty();
        assertThat(Files.readString(Path.of("target", "drill-test-logs", "abort-on-outage.yaml.log")))
                .as("the load generator stopped when asked, instead of running to the drill's end")
                .contains("load stopped early: aborted: 'errorRate > 50%'").doesNotContain("Gatling still running");
    }

    /** {@code run SCENARIO --attach <stack>} in a child JVM; its output goes to target/drill-test-logs/. */
    private Process harness(String scenario, Path reportsDir) throws IOException {
        return DrillTestStack.harness(stack, DRILLS.resolve(scenario), reportsDir);
    }

    /** SIGKILL by PID if still running; no shutdown hook runs. */
    private static void stop(Process harness) throws InterruptedException {
        if (harness.isAlive()) {
            harness.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

}
