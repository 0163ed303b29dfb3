package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseMachineTest {
    private final List<Phase> entered = new ArrayList<>();
    private final PhaseMachine machine = new PhaseMachine(entered::add);

    @Test
    void theHappyPathVisitsEveryPhaseInOrder() {
        List<Phase> path = Arrays.asList(Phase.values()).subList(1, Phase.values().length);
        path.forEach(machine::enter);
        assertThat(entered).as("phases entered").containsExactlyElementsOf(path);
        assertThat(machine.current()).isEqualTo(Phase.DONE);
    }

    @Test
    void afterLoadStartsTheOnlyWayToResultsIsThroughHeal() {
        for (Phase p : List.of(Phase.LOAD, Phase.FAULTS, Phase.OBSERVE)) {
            assertThat(p.mayGoTo(Phase.RESULTS)).as("%s -> results", p).isFalse();
            assertThat(p.mayGoTo(Phase.STACK_DOWN)).as("%s -> stack down", p).isFalse();
            assertThat(p.mayGoTo(Phase.HEAL)).as("%s -> heal", p).isTrue();
        }
    }

    @Test
    void aRefusedSteadyStateEndsWithResultsWithoutInjecting() {
        machine.enter(Phase.STACK_UP);
        machine.enter(Phase.STEADY_STATE);
        machine.enter(Phase.RESULTS);
        machine.enter(Phase.STACK_DOWN);
        assertThat(machine.visited()).as("visited").doesNotContain(Phase.FAULTS, Phase.LOAD);
    }

    @Test
    void forbiddenTransitionsAreRefusedWithBothPhasesNamed() {
        machine.enter(Phase.STACK_UP);
        machine.enter(Phase.STEADY_STATE);
        machine.enter(Phase.LOAD);
        assertThatThrownBy(() -> machine.enter(Phase.CHECK)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'load + probes' to 'check'");
        assertThat(machine.current()).as("phase after a refused transition").isEqualTo(Phase.LOAD);
    }

    @Test
    void everyPhaseButDoneCanReachDone() {
        for (Phase p : Phase.values()) {
            assertThat(reachesDone(p, new ArrayList<>())).as("%s reaches done", p).isTrue();
        }
    }

    private static boolean reachesDone(Phase p, List<Phase> seen) {
        if (p == Phase.DONE) {
            return true;
        }
        seen.add(p);
        return p.next().stream().filter(n -> !seen.contains(n)).anyMatch(n -> reachesDone(n, seen));
    }
}
