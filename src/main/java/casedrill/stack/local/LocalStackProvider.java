package casedrill.stack.local;

import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Stacks as detached local processes on 127.x addresses; a stack's locator is its run directory. */
public final class LocalStackProvider implements StackProvider {
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe(StackLayout layout) {
        return "starts the " + layout.topology() + " stack as local processes on 127.x ("
                + layout.nodes().size() + " nodes in " + layout.sites().size() + " sites)";
    }

    @Override
    public LocalStack up(StackLayout layout, StackOptions options) {
        return LocalStack.up(layout, options);
    }

    @Override
    public RunningStack attach(StackRef ref) {
        if (!ref.provider().equals(NAME)) {
            throw new IllegalArgumentException("stack " + ref + " belongs to provider " + ref.provider() + ", not " + NAME);
        }
        return LocalStack.attach(Path.of(ref.locator()));
    }

    @Override
    public Optional<StackRef> current(StackOptions options) {
        return StateFile.current(options.runRoot()).map(LocalStackProvider::refOf);
    }

    @Override
    public Optional<String> whyNotExact(List<String> sites) {
        return Partitions.whyNotExact(sites);
    }

    @Override
    public int removePartitions(StackRef where, String stackId) {
        // The whole chain: it holds only partition rules, and works even when the stack directory is gone.
        int rules = Partitions.activeRules(stackId).size();
        Partitions.cleanup(stackId);
        return rules;
    }

    static StackRef refOf(Path stackDir) {
        return new StackRef(NAME, stackDir.toAbsolutePath().normalize().toString());
    }
}
