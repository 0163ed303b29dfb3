package casedrill.toxiproxy;

import casedrill.toxiproxy.toxic.Stub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** The steps a toxic planned for the item at the head of its stage, plus the stage's per-link state. */
final class Plan implements Stub {
    private final List<Step> steps = new ArrayList<>();
    Object state;

    List<Step> steps() {
        return steps;
    }

    void clear() {
        steps.clear();
    }

    @Override
    public void emit(int length) {
        steps.add(new Step.Emit(length));
    }

    @Override
    public void drop() {
        steps.add(Step.DROP);
    }

    @Override
    public void sleepNanos(long nanos) {
        steps.add(new Step.SleepFor(nanos));
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        steps.add(new Step.SleepUntil(deadlineNanos));
    }

    @Override
    public void stall() {
        steps.add(Step.STALL);
    }

    @Override
    public void close() {
        steps.add(Step.CLOSE);
    }

    @Override
    public void reset() {
        steps.add(Step.RESET);
    }

    @Override
    public Object state() {
        return state;
    }

    @Override
    public RandomGenerator random() {
        return ThreadLocalRandom.current();
    }
}
