package casedrill.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Where a drill is; refuses transitions {@link Phase} does not allow, so no path can skip the heal. */
public final class PhaseMachine {
    private final Consumer<Phase> onEnter;
    private final List<Phase> visited = new ArrayList<>();
    private volatile Phase current = Phase.VALIDATE;

    public PhaseMachine(Consumer<Phase> onEnter) {
        this.onEnter = onEnter;
        visited.add(current);
    }

    public Phase current() {
        return current;
    }

    public synchronized void enter(Phase next) {
        if (!current.mayGoTo(next)) {
            throw new IllegalStateException("drill cannot go from phase '" + current.label() + "' to '" + next.label()
                    + "' (allowed: " + current.next() + ")");
        }
        current = next;
        visited.add(next);
        onEnter.accept(next);
    }

    /** Whether the drill reached the load phase, after which only HEAL leads out. */
    public synchronized boolean loadStarted() {
        return visited.contains(Phase.LOAD);
    }

    public synchronized List<Phase> visited() {
        return List.copyOf(visited);
    }
}
