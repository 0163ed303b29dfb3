package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.stack.BaselineCheck;
import casedrill.stack.BaselineReset;
import casedrill.stack.local.LocalStack;
import casedrill.testing.Needs;
import casedrill.testing.SshServer;
import casedrill.topology.DbVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's side by side: the same short drills on one stack, through the local provider ({@code --attach}) and
 * through the remote provider (SSH node control, partition templates), alternating, with a verified baseline reset
 * before each drill so every run starts from pg-dc1 leading. Prints each run's verdict and RTO; the figures go into
 * scenarios/RESULTS.md by hand. It checks only that both providers reach the same verdict in every round; how close
 * the RTOs are is the figure it reports. {@code make bench-remote}; rounds by {@code -Dcasedrill.bench.rounds}.
 */
@Tag("bench")
class RemoteBesideLocalBench {
    /** RemoteDrillTest's shift: the two never run together (make test excludes benches). */
    private static final int ADDRESS_SHIFT = 160;
    private static final Path DRILLS = Path.of("src/test/resources/drills");
    private static final List<String> SCENARIOS = List.of("remote-dc1-power-loss", "remote-wan-cut-witness-reachable");

    @TempDir
    Path dir;

    /** Four drills and four resets per round, ~5 min: beyond the suite's 10-minute default from the second round on. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void sameShortDrillsThroughBothProviders() throws Exception {
        Needs.that(Files.isExecutable(SshServer.SSHD), "needs Debian's openssh-server (make deps installs it)");
        Needs.that("root".equals(System.getProperty("user.name")), "logs in as root over SSH");
        int rounds = Integer.getInteger("casedrill.bench.rounds", 2);
        List<String> rows = new ArrayList<>();
        try (SshServer sshd = SshServer.start(Files.createDirectories(dir.resolve("sshd")))) {
            LocalStack stack = DrillTestStack.up(ADDRESS_SHIFT, DbVariant.DEFAULT);
            try {
                Path environment = LocalStackAsEnvironment.write(dir, "local-stack-with-partition-templates", stack, sshd, true);
                for (int round = 1; round <= rounds; round++) {
                    for (String scenario : SCENARIOS) {
                        DrillResult local = drill(stack, scenario, "local-" + round, "--attach", stack.directory().toString());
                        DrillResult remote = drill(stack, scenario, "remote-" + round, "--provider", "remote", "--environment",
                                environment.toString());
                        String row = "| " + scenario + " | " + round + " | " + rto(local) + " (" + local.verdict() + ") | "
                                + rto(remote) + " (" + remote.verdict() + ") |";
                        rows.add(row);
                        System.out.println(row);
                        assertThat(remote.verdict()).as("%s round %d: remote (%s) vs local (%s)", scenario, round, remote.reason(),
                                local.reason()).isEqualTo(local.verdict());
                    }
                }
            } finally {
                System.out.println("| scenario | round | local RTO | remote RTO |\n|---|---|---|---|\n" + String.join("\n", rows));
                assertThat(LocalStack.attach(stack.directory()).down(false)).as("processes left alive by stack down").isEmpty();
            }
        }
    }

    /** A verified reset to the baseline, then the drill in a child JVM; its result. */
    private DrillResult drill(LocalStack stack, String scenario, String label, String... options) throws Exception {
        BaselineCheck baseline = new BaselineReset(LocalStack.attach(stack.directory()), Duration.ofMinutes(3), System.out::println).run();
        assertThat(baseline.passed()).as("baseline before %s %s: %s", scenario, label, baseline.describe()).isTrue();
        Path reports = dir.resolve(label);
        Process harness = DrillTestStack.harness(DRILLS.resolve(scenario + ".yaml"), reports, LocalStackAsEnvironment.variables(stack), options);
        try {
            assertThat(harness.waitFor(8, TimeUnit.MINUTES)).as("harness finished").isTrue();
        } finally {
            if (harness.isAlive()) {
                harness.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        try (Stream<Path> runs = Files.list(reports.resolve(scenario))) {
            Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            return ResultJson.read(run.resolve("result.json"));
        }
    }

    private static String rto(DrillResult result) {
        return result.target("rto").map(DrillResult.TargetResult::measuredText).orElse("-");
    }
}
