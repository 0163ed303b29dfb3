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
import casedrill.stack.local.LocalStack;
import casedrill.stack.local.Partitions;
import casedrill.topology.DbVariant;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Drills whose partition goes through the stack's exact site partitions, on one real local stack
 * (attached): a short WAN cut that heals itself, and a harness killed with SIGKILL mid-cut whose
 * iptables rules {@code recover} removes from the lease file alone. Needs root, iptables and the
 * per-site users; where they are missing the drill still runs and its history must say approximate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactPartitionDrillTest {
    /** Away from the other drill and stack tests running on this machine. */
    private static final int ADDRESS_SHIFT = Integer.getInteger("casedrill.test.addressShift", 140);
    private static final Path DRILLS = Path.of("src/test/resources/drills");

    private LocalStack stack;
    private ToxiproxyClient toxiproxy;
    private boolean exactPossible;

    @TempDir
    Path reports;

    @BeforeAll
    void up() {
        stack = DrillTestStack.up(ADDRESS_SHIFT, DbVariant.DEFAULT);
        HostPort api = stack.toxiproxyApi();
        toxiproxy = new ToxiproxyClient(api.host(), api.port());
        exactPossible = Partitions.exactPossible(stack.state().layout().sites());
    }

    @AfterAll
    void down() {
        if (stack != null) {
            assertThat(stack.down(false)).as("processes left alive by stack down").isEmpty();
            assertThat(Partitions.activeRules(stack.state().id())).as("partition rules after stack down").isEmpty();
        }
    }

    private Path onlyRunFolder(Path root, String scenario) throws IOException {
        try (Stream<Path> runs = Files.list(root.resolve(scenario))) {
            List<Path> all = runs.toList();
            assertThat(all).as("run folders of %s", scenario).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    @Order(1)
    void aShortWanCutIsExactAndLeavesNoRuleBehind() throws IOException {
        int exit = Main.execute("run", DRILLS.resolve("short-wan-cut.yaml").toString(), "--attach", stack.directory().toString(),
                "--reports", reports.toString(), "--key", reports.resolve("test-signing-key").toString());
        Path folder = onlyRunFolder(reports, "short-wan-cut");
        DrillResult result = ResultJson.read(folder.resolve("result.json"));
        System.out.printf("short-wan-cut: %s (exit %d), %s; targets %s%n", result.verdict(), exit, result.reason(), result.targets());
        assertThat(exit).as("exit code (0 met, 1 missed; not inconclusive or a harness error): %s", result.reason()).isIn(0, 1);
        List<Event.FaultInjected> injected = HistoryReader.read(folder.resolve("history.jsonl")).all(Event.FaultInjected.class).toList();
        assertThat(injected).as("injections").singleElement().extracting(Event.FaultInjected::target).asString()
                .startsWith("wan-cut wan(dc1,dc2) (" + (exactPossible ? "exact: " : "approximate: "));
        assertThat(result.timeline()).as("result timeline").anySatisfy(t ->
                assertThat(t.what()).contains("wan-cut wan(dc1,dc2) (" + (exactPossible ? "exact" : "approximate")));
        assertThat(result.stack().variant()).as("variant in result.json").isEqualTo("sync replication, Patroni 4, db routing router");
        assertThat(Partitions.activeRules(stack.state().id())).as("partition rules after the drill").isEmpty();
        assertThat(toxiproxy.getProxies()).as("proxies after the drill").allMatch(Proxy::isEnabled);
        assertThat(new LeaseFile(folder).read().faults()).as("lease after the drill").isEmpty();
    }

    @Test
    @Order(2)
    void recoverRemovesThePartitionRulesOfASigkilledHarness() throws Exception {
        casedrill.testing.Needs.that(exactPossible, "exact partitions need root, iptables and the site users");
        Path childReports = reports.resolve("killed");
        Process harness = harness("leftover-wan-cut.yaml", childReports);
        try {
            Path[] folder = new Path[1];
            await("the WAN cut leased and in effect (harness log target/drill-test-logs/leftover-wan-cut.yaml.log)")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast(DrillTestStack.endedEarly(harness, DRILLS.resolve("leftover-wan-cut.yaml"))).until(() -> {
                        folder[0] = onlyRunFolder(childReports, "leftover-wan-cut");
                        Lease lease = new LeaseFile(folder[0]).read();
                        return lease.faults().size() == 1 && !Partitions.activeRules(stack.state().id()).isEmpty();
                    });
            assertThat(new LeaseFile(folder[0]).read().faults().get(0).undo().partitionStack()).as("leased partition rules")
                    .isEqualTo(stack.state().id());
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).as("harness gone").isTrue();
            assertThat(Partitions.activeRules(stack.state().id())).as("rules left by the killed harness").isNotEmpty();

            assertThat(Main.execute("recover", folder[0].toString())).as("recover exit code").isEqualTo(0);

            assertThat(Partitions.activeRules(stack.state().id())).as("partition rules after recover").isEmpty();
            assertThat(new LeaseFile(folder[0]).read().faults()).as("lease after recover").isEmpty();
            await("stack healthy after recover").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> stack.status().allHealthy());
        } finally {
            if (harness.isAlive()) {
                harness.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(3)
    void attachingAnAsyncScenarioToTheDefaultStackIsRefusedWithExitTwo() throws IOException {
        Path root = reports.resolve("mismatch");
        int exit = Main.execute("run", "scenarios/async-wan-cut-then-dc1-loss.yaml", "--attach", stack.directory().toString(),
                "--reports", root.toString(), "--key", reports.resolve("test-signing-key").toString());
        DrillResult result = ResultJson.read(onlyRunFolder(root, "async-wan-cut-then-dc1-loss").resolve("result.json"));
        assertThat(exit).as("exit code: %s", result.reason()).isEqualTo(2);
        assertThat(result.reason()).as("reason").contains("needs a stack with async replication")
                .contains("runs sync replication");
        assertThat(stack.state().processes().values()).as("processes of the attached stack, left running")
                .allMatch(p -> p.process().alive());
    }

    private Process harness(String scenario, Path reportsDir) throws IOException {
        return DrillTestStack.harness(stack, DRILLS.resolve(scenario), reportsDir);
    }
}
