package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.fault.FaultRegistry;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.stack.BaselineCheck;
import casedrill.topology.DbVariant;
import casedrill.stack.HostPort;
import casedrill.stack.PreparedStack;
import casedrill.stack.RunningStack;
import casedrill.stack.StackOptions;
import casedrill.stack.StackOrigin;
import casedrill.stack.StackProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's decisions with fake stacks and canned verifications: keep a verified stack, replace one that is not. */
class StackPoolTest {
    private static final Scenario SCENARIO = ScenarioLoader.load(Path.of("src/test/resources/drills/fake-stack-short.yaml"), FaultRegistry.ACTIONS);

    @TempDir
    Path runRoot;

    private final List<FakeRunningStack> started = new ArrayList<>();
    private final Deque<Boolean> verdicts = new ArrayDeque<>();

    private final StackProvider provider = new FakeStackProvider("local", this::startFake, ref -> {
        throw new IllegalArgumentException("no stack at " + ref);
    });

    private RunningStack startFake() {
        FakeRunningStack stack = new FakeRunningStack(new HostPort("127.0.0.1", 1));
        started.add(stack);
        return stack;
    }

    private StackPool pool(boolean keep) {
        return new StackPool(name -> provider, stack -> check(verdicts.removeFirst()), StackOptions.defaults().withRunRoot(runRoot),
                keep, new PrintStream(new ByteArrayOutputStream()));
    }

    private static BaselineCheck check(boolean passed) {
        return new BaselineCheck("fake-1", passed, List.of(new BaselineCheck.Check(BaselineCheck.Rule.LEADER, passed,
                passed ? "pg-dc1 leads" : "pg-dc2 leads")), List.of(), List.of(), 10, Instant.now().toString());
    }

    private DrillOptions options() {
        return new DrillOptions(null, false, runRoot, StackOptions.defaults().withRunRoot(runRoot), 0, Duration.ofSeconds(1));
    }

    private Path record() {
        return runRoot.resolve(ReusableStacks.FOLDER).resolve(StackPool.key("local", "two-dc", DbVariant.DEFAULT, 0) + ".ref");
    }

    @Test
    void keepsAVerifiedStackAndReplacesOneThatFailsVerification() {
        verdicts.addAll(List.of(true, true, false, true));
        try (StackPool pool = pool(false)) {
            PreparedStack first = pool.prepare(SCENARIO, options()).prepared();
            assertThat(first.origin()).as("first drill").isEqualTo(StackOrigin.FRESH);
            assertThat(Files.isRegularFile(record())).as("the fresh stack is recorded for a later --reuse").isTrue();

            DrillOptions second = pool.prepare(SCENARIO, options());
            assertThat(second.prepared().origin()).as("second drill").isEqualTo(StackOrigin.REUSED);
            assertThat(second.attach()).as("the drill attaches to the kept stack").isEqualTo(first.ref());
            assertThat(started).as("stacks started after two drills").hasSize(1);

            PreparedStack third = pool.prepare(SCENARIO, options()).prepared();
            assertThat(third.origin()).as("after a failed verification").isEqualTo(StackOrigin.FRESH);
            assertThat(third.rejected()).as("the failed verification is carried").isNotNull()
                    .satisfies(r -> assertThat(r.passed()).isFalse());
            assertThat(third.baseline().passed()).as("the fresh stack's own verification").isTrue();
            assertThat(started).as("a fresh stack replaced the kept one").hasSize(2);
            assertThat(started.get(0).calls()).as("the rejected stack was taken down").anyMatch(c -> c.startsWith("down"));
            assertThat(started.get(1).calls()).as("the replacement is still up").noneMatch(c -> c.startsWith("down"));
        }
        assertThat(started.get(1).calls()).as("closing the pool takes its stack down").anyMatch(c -> c.startsWith("down"));
        assertThat(record()).as("and forgets it").doesNotExist();
    }

    @Test
    void anotherKindAtTheSameAddressesTakesTheKeptStackDownFirst() {
        verdicts.addAll(List.of(true, true));
        Scenario async = ScenarioLoader.load(Path.of("scenarios/async-wan-cut-then-dc1-loss.yaml"), FaultRegistry.ACTIONS);
        try (StackPool pool = pool(false)) {
            pool.prepare(SCENARIO, options());
            assertThat(pool.prepare(async, options()).prepared().origin()).as("the async drill's stack").isEqualTo(StackOrigin.FRESH);
            assertThat(started).hasSize(2);
            assertThat(started.get(0).calls()).as("the sync stack at the same addresses").anyMatch(c -> c.startsWith("down"));
            assertThat(record()).as("its record").doesNotExist();
        }
    }

    @Test
    void aKeepingPoolLeavesItsStackRunningAndRecorded() {
        verdicts.add(true);
        try (StackPool pool = pool(true)) {
            pool.prepare(SCENARIO, options());
        }
        assertThat(started.get(0).calls()).as("kept stack").noneMatch(c -> c.startsWith("down"));
        assertThat(record()).as("record for the next --reuse").exists();
    }
}
