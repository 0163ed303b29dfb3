package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Verdict;
import casedrill.cli.Main;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.testing.KeptResults;
import casedrill.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The containers provider end to end inside make test (issue #18): a short dc1 power loss through the harness
 * ({@code run --provider containers}, a fresh stack taken down at the drill's end), judged PASS on its own
 * targets, no acknowledged write lost, and nothing labelled with the stack left in the engine. Tagged
 * {@code containers-drill}, which the default build runs (the rest of {@code docker} stays opt-in); make test
 * starts the engine and builds the images first. Without an engine it skips by hand and fails under make test.
 */
@Tag("containers-drill")
class ContainersDrillTest {
    private static final Path SCENARIO = Path.of("src/test/resources/drills/containers-dc1-power-loss.yaml");

    /** Kept after the run (target/ is cleaned by the build), so a failure can be read in the drill's files. */
    @KeptResults
    private final Path reports = Path.of("target/containers-drill");

    @Test
    void aShortDc1PowerLossPassesOnContainersAndLeavesNothingInTheEngine() throws IOException {
        String engine = engineProblem();
        Needs.that(engine == null, "a Docker engine for the containers provider (make test starts one: src/main/docker/dockerd.sh): " + engine);
        Needs.that(Files.isRegularFile(Images.DEFAULT_MANIFEST),
                "the containers provider's images (" + Images.DEFAULT_MANIFEST + "; make test builds them: src/main/docker/build-images.sh)");
        clear(reports);

        int exit = Main.execute("run", SCENARIO.toString(), "--provider", ContainersStackProvider.NAME,
                "--run-root", Path.of("target", "containers-stacks").toAbsolutePath().toString(),
                "--reports", reports.toString(), "--key", reports.resolve("test-signing-key").toString(), "--settle", "60s");

        DrillResult result = ResultJson.read(onlyRunFolder().resolve("result.json"));
        String why = "exit " + exit + ", " + result.reason() + "; targets " + result.targets();
        System.out.println("containers drill: " + why);
        assertThat(result.verdict()).as(why).isEqualTo(Verdict.PASS);
        assertThat(exit).as(why).isZero();
        assertThat(result.stack().id()).as("a containers stack's id (ContainersStart)").matches("c[0-9a-f]{8}");
        assertThat(result.stack().provider()).as("the provider named in result.json").isEqualTo("containers");
        assertThat(result.stack().images()).as("the images the stack's nodes ran, from the engine")
                .isNotEmpty().allSatisfy((image, id) -> {
                    assertThat(image).startsWith("casedrill/");
                    assertThat(id).startsWith("sha256:");
                });
        DrillResult.TargetResult rto = result.target("rto").orElseThrow();
        assertThat(rto.measured().inSeconds()).as("RTO measured: %s", rto).isPresent();
        assertThat(rto.measured().inSeconds().getAsDouble()).as("RTO after the power loss").isPositive().isLessThanOrEqualTo(45);
        assertThat(result.observer()).as("the drill's independent observer").isNotNull();
        assertThat(result.observer().lost()).as("acknowledged writes the observer lost: %s", result.observer().describe()).isZero();
        assertThat(Engine.containersOf(Engine.client(), result.stack().id())).as("containers left by the drill's stack down").isEmpty();
        assertThat(Engine.client().listNetworksCmd().withFilter("label", List.of(NodeContainers.STACK_LABEL + "=" + result.stack().id()))
                .exec()).as("networks left by the drill's stack down").isEmpty();
    }

    /** Why the provider cannot reach an engine, or null when it can. */
    private static String engineProblem() {
        try {
            Engine.client();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> runs = Files.list(reports.resolve("containers-dc1-power-loss"))) {
            List<Path> all = runs.filter(Files::isDirectory).toList();
            assertThat(all).as("run folders").hasSize(1);
            return all.get(0);
        }
    }

    private static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
