package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.check.Verdict;
import casedrill.cli.Main;
import casedrill.fault.Lease;
import casedrill.fault.LeaseFile;
import casedrill.fault.ToxicDirections;
import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.stack.HostPort;
import casedrill.stack.local.LocalProcess;
import casedrill.stack.local.LocalStack;
import casedrill.stack.local.Signal;
import casedrill.topology.DbVariant;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill's own infrastructure failing is not a verdict on the system: the stack's Toxiproxy server is SIGKILLed
 * (by its PID from the stack's state) while a drill's latency toxic is active. The drill must end UNKNOWN with exit 4
 * naming the server, keep the toxic in the lease, and {@code recover} must remove it once the server runs again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfrastructureFailureDrillTest {
    /** Away from the other drill tests' stacks (60, 100) and a stack run by hand (0). */
    private static final int ADDRESS_SHIFT = Integer.getInteger("casedrill.test.infraAddressShift", 20);
    private static final Path DRILLS = Path.of("src/test/resources/drills");

    private LocalStack stack;

    @TempDir
    Path reports;

    @BeforeAll
    void up() {
        stack = DrillTestStack.up(ADDRESS_SHIFT, DbVariant.DEFAULT);
    }

    @AfterAll
    void down() {
        if (stack != null) {
            assertThat(stack.down(false)).as("processes left alive by stack down").isEmpty();
        }
    }

    @Test
    void aToxiproxyServerKilledMidDrillEndsItUnknownWithExit4AndRecoverHealsOnceItIsBack() throws Exception {
        HostPort api = stack.toxiproxyApi();
        ToxiproxyClient toxiproxy = new ToxiproxyClient(api.host(), api.port());
        Path scenario = DRILLS.resolve("toxiproxy-dies.yaml");
        Process harness = DrillTestStack.harness(stack, scenario, reports);
        Path[] folder = new Path[1];
        try {
            await("the latency toxic leased and in effect (harness log target/drill-test-logs/toxiproxy-dies.yaml.log)")
                    .atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast(DrillTestStack.endedEarly(harness, scenario)).until(() -> {
                        folder[0] = onlyRunFolder();
                        List<Lease.Entry> leased = new LeaseFile(folder[0]).read().faults();
                        Map<String, List<String>> toxics = leased.isEmpty() ? Map.of() : leased.get(0).undo().toxics();
                        int all = toxics.values().stream().mapToInt(List::size).sum();
                        return leased.size() == 1 && all > 0 && ToxicDirections.remaining(toxiproxy, toxics).size() == all;
                    });
            LocalProcess server = stack.state().process("toxiproxy").orElseThrow().process();
            assertThat(server.signal(Signal.KILL)).as("SIGKILL of the Toxiproxy server, PID " + server.pid()).isTrue();

            assertThat(harness.waitFor(120, TimeUnit.SECONDS)).as("harness finished").isTrue();
            assertThat(harness.exitValue()).as("exit code (log target/drill-test-logs/toxiproxy-dies.yaml.log)").isEqualTo(4);
        } finally {
            if (harness.isAlive()) {
                harness.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        DrillResult result = ResultJson.read(folder[0].resolve("result.json"));
        assertThat(result.verdict()).as("verdict").isEqualTo(Verdict.UNKNOWN);
        assertThat(result.reason()).as("reason").startsWith("the stack's Toxiproxy server at " + api + " stopped answering at ")
                .contains("faults left unhealed (in lease.json for recover): slow-wan");
        History history = HistoryReader.read(folder[0].resolve("history.jsonl"));
        assertThat(history.all(Event.InfrastructureFailed.class)).as("infrastructure_failed").singleElement()
                .satisfies(f -> assertThat(f.unhealed()).as("unhealed").containsExactly("slow-wan"));
        assertThat(history.all(Event.FaultHealed.class)).as("fault_healed events").isEmpty();
        assertThat(history.all(Event.HealFailed.class)).as("heal_failed events").isNotEmpty();
        Lease leftover = new LeaseFile(folder[0]).read();
        assertThat(leftover.faults()).extracting(Lease.Entry::fault).as("lease after the drill").containsExactly("slow-wan");

        assertThat(Main.execute("recover", folder[0].toString())).as("recover while the server is down").isEqualTo(4);
        assertThat(new LeaseFile(folder[0]).read().faults()).as("lease after a failed recover").hasSize(1);

        stack.node("toxiproxy").start();
        assertThat(Main.execute("recover", folder[0].toString())).as("recover once the server runs again").isEqualTo(0);
        assertThat(new LeaseFile(folder[0]).read().faults()).as("lease after recover").isEmpty();
        assertThat(ToxicDirections.remaining(toxiproxy, leftover.faults().get(0).undo().toxics())).as("toxics left").isEmpty();
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> runs = Files.list(reports.resolve("toxiproxy-dies"))) {
            List<Path> all = runs.toList();
            assertThat(all).as("run folders").hasSize(1);
            return all.get(0);
        }
    }
}
