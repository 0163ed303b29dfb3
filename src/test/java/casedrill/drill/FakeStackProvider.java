package casedrill.drill;

import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** A provider of fake stacks: {@code up} and {@code attach} answer as the test says; it cuts nothing exactly. */
final class FakeStackProvider implements StackProvider {
    private final String name;
    private final Supplier<RunningStack> up;
    private final Function<StackRef, RunningStack> attach;

    FakeStackProvider(String name, Supplier<RunningStack> up, Function<StackRef, RunningStack> attach) {
        this.name = name;
        this.up = up;
        this.attach = attach;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe(StackLayout layout) {
        return "runs nothing";
    }

    @Override
    public RunningStack up(StackLayout layout, StackOptions options) {
        return up.get();
    }

    @Override
    public RunningStack attach(StackRef ref) {
        return attach.apply(ref);
    }

    @Override
    public Optional<StackRef> current(StackOptions options) {
        return Optional.empty();
    }

    @Override
    public Optional<String> whyNotExact(List<String> sites) {
        return Optional.empty();
    }

    @Override
    public int removePartitions(StackRef where, String stackId) {
        return 0;
    }
}
