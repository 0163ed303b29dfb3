package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.cli.CommandRun;
import casedrill.fault.LeaseFile;
import casedrill.stack.HostPort;
import casedrill.stack.RunningStack;
import casedrill.stack.StackOptions;
import casedrill.stack.StackRef;
import casedrill.stack.StackStatus;
import casedrill.stack.containers.ContainersStackProvider;
import casedrill.testing.Needs;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * recover after a SIGKILLed harness on the containers provider (issue #18): {@code stack up --provider containers}
 * starts the two-DC stack, a harness in a child JVM drills it through {@code run --provider containers --attach}
 * (the provider's current stack under the run root) until a frozen app container, a cut-off witness and a latency
 * toxic on the WAN are leased and in effect, then gets SIGKILL. {@code recover --provider containers} finds the stack
 * by its labels in the engine and must unfreeze the container, enable the proxies and remove the toxics; {@code stack status} and {@code stack down} find it the
 * same way, and nothing labelled with the stack is left. Tagged docker (about 2.5 min: not in make test).
 */
@Tag("docker")
class ContainersRecoverTest {
    private static final Path SCENARIO = Path.of("src/test/resources/drills/containers-leftover-faults.yaml");
    private static final String PROVIDER = ContainersStackProvider.NAME;
    /** The labels the provider documents (docs/providers.md): the test removes by them whatever it started. */
    private static final String STACK_LABEL = "casedrill.stack";
    private static final String RUN_ROOT_LABEL = "casedrill.run-root";

    @TempDir
    Path dir;

    @Test
    void recoverUndoesWhatASigkilledHarnessLeftOnAContainersStackAndStackDownLeavesNothing() throws Exception {
        Path runRoot = Path.of("target", "containers-recover-stacks").toAbsolutePath();
        StackOptions options = StackOptions.defaults().withRunRoot(runRoot);
        ContainersStackProvider provider = new ContainersStackProvider();
        Needs.that(Files.isRegularFile(Path.of("target/images/manifest.json")), "the containers provider's images (make images)");
        try {
            provider.current(options);
        } catch (IllegalStateException | IllegalArgumentException e) {
            Needs.that(false, "a Docker engine for the containers provider (src/main/docker/dockerd.sh start): " + e.getMessage());
        }
        removeEverythingUnder(runRoot);
        Process harness = null;
        try {
            CommandRun up = CommandRun.of("stack", "up", "--provider", PROVIDER, "--run-root", runRoot.toString());
            assertThat(up.exitCode()).as("stack up: %s%s", up.out(), up.err()).isZero();
            StackRef ref = provider.current(options).orElseThrow(() -> new AssertionError("no current containers stack under " + runRoot));
            assertThat(up.out()).as("stack up names the stack").contains("stack: " + ref);

            Path reports = dir.resolve("reports");
            harness = DrillTestStack.harness(SCENARIO, reports, Map.of(), "--provider", PROVIDER, "--run-root", runRoot.toString(), "--attach");
            Path folder = awaitBothFaults(harness, reports, ref);
            harness.destroyForcibly(); // SIGKILL: no shutdown hook heals anything
            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).as("harness gone").isTrue();
            try (RunningStack stack = provider.attach(ref)) {
                assertThat(process(stack, "app-dc1-b")).as("app-dc1-b after the harness died").isEqualTo("paused");
                assertThat(stack.activePartitionRules()).as("link proxies the killed harness left disabled").isPositive();
                assertThat(toxics(stack)).as("toxics the killed harness left on the link proxy").isNotEmpty();
            }

            CommandRun recover = CommandRun.of("recover", folder.toString(), "--provider", PROVIDER, "--wait-healthy", "150");

            assertThat(recover.exitCode()).as("recover exit code (its output is in the test's output)").isZero();
            try (RunningStack stack = provider.attach(ref)) {
                assertThat(process(stack, "app-dc1-b")).as("app-dc1-b after recover").isEqualTo("running");
                assertThat(stack.activePartitionRules()).as("link proxies still disabled after recover").isZero();
                assertThat(toxics(stack)).as("toxics left after recover").isEmpty();
            }
            assertThat(new LeaseFile(folder).read().faults()).as("lease after recover").isEmpty();
            CommandRun status = CommandRun.of("stack", "status", "--provider", PROVIDER, "--run-root", runRoot.toString());
            assertThat(status.exitCode()).as("stack status after recover: %s%s", status.out(), status.err()).isZero();
            assertThat(status.out()).contains("stack " + ref.locator()).contains("app-dc1-b");

            CommandRun down = CommandRun.of("stack", "down", "--provider", PROVIDER, "--run-root", runRoot.toString());

            assertThat(down.exitCode()).as("stack down: %s%s", down.out(), down.err()).isZero();
            assertThat(labelled(STACK_LABEL, ref.locator())).as("containers and networks left by stack down").isEmpty();
            assertThat(provider.current(options)).as("current stack after stack down").isEmpty();
        } finally {
            if (harness != null && harness.isAlive()) {
                harness.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            removeEverythingUnder(runRoot);
        }
    }

    /** Every toxic on the stack's link proxy, as proxy/toxic. */
    private static List<String> toxics(RunningStack stack) throws IOException {
        HostPort api = stack.toxiproxyApi();
        List<String> found = new ArrayList<>();
        for (eu.rekawek.toxiproxy.Proxy p : new eu.rekawek.toxiproxy.ToxiproxyClient(api.host(), api.port()).getProxies()) {
            p.toxics().getAll().forEach(t -> found.add(p.getName() + "/" + t.getName()));
        }
        return found;
    }

    /** Waits until the lease holds the three faults and the engine shows them in effect; returns the run folder. */
    private static Path awaitBothFaults(Process harness, Path reports, StackRef ref) {
        Path[] folder = new Path[1];
        String[] seen = {"nothing yet"};
        try (RunningStack stack = new ContainersStackProvider().attach(ref)) {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .failFast(DrillTestStack.endedEarly(harness, SCENARIO)).until(() -> {
                        folder[0] = runFolder(reports);
                        int leased = new LeaseFile(folder[0]).read().faults().size();
                        String app = process(stack, "app-dc1-b");
                        int disabled = stack.activePartitionRules();
                        int toxics = toxics(stack).size();
                        seen[0] = leased + " fault(s) leased, app-dc1-b " + app + ", " + disabled + " proxies disabled, "
                                + toxics + " toxics";
                        return leased == 3 && app.equals("paused") && disabled > 0 && toxics > 0;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the three faults not leased and in effect within 150 s; last seen: " + seen[0]
                    + " (harness log " + DrillTestStack.log(SCENARIO) + ")", e);
        }
        return folder[0];
    }

    private static String process(RunningStack stack, String node) {
        StackStatus status = stack.status();
        return status.nodes().stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow().process();
    }

    private static Path runFolder(Path reports) throws IOException {
        try (Stream<Path> runs = Files.list(reports.resolve("containers-leftover-faults"))) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** Containers and networks carrying the label {@code key=value}. */
    private static List<String> labelled(String key, String value) {
        DockerClient docker = DockerClientFactory.instance().client();
        List<String> found = new ArrayList<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(key, value)).exec()
                .forEach(c -> found.add("container " + String.join(",", c.getNames())));
        docker.listNetworksCmd().withFilter("label", List.of(key + "=" + value)).exec().forEach(n -> found.add("network " + n.getName()));
        return found;
    }

    /** Whatever this test's stacks left, in any outcome: everything labelled with its run root. */
    private static void removeEverythingUnder(Path runRoot) {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RUN_ROOT_LABEL, runRoot.toString())).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
        docker.listNetworksCmd().withFilter("label", List.of(RUN_ROOT_LABEL + "=" + runRoot)).exec()
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }
}
