package casedrill.stack.remote;

import casedrill.environment.EnvironmentLoader;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Attaches to deployments described by environment files; the locator of its {@link StackRef} is the file's path. */
public final class RemoteStackProvider implements StackProvider {
    public static final String NAME = "remote";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe(StackLayout layout) {
        return "attaches to the deployment of topology " + layout.topology() + " that the environment file describes;"
                + " nothing is started or stopped as a whole";
    }

    @Override
    public RunningStack up(StackLayout layout, StackOptions options) {
        throw new UnsupportedOperationException("the remote provider does not bring stacks up; it attaches to the deployment"
                + " an environment file describes (--environment FILE)");
    }

    @Override
    public RunningStack attach(StackRef ref) {
        return new RemoteStack(EnvironmentLoader.load(Path.of(ref.locator())));
    }

    @Override
    public Optional<StackRef> current(StackOptions options) {
        return Optional.empty();
    }

    @Override
    public Optional<String> whyNotExact(List<String> sites) {
        return Optional.of("partitions through the links' Toxiproxy proxies are not built yet in the remote provider");
    }

    @Override
    public int removePartitions(String stackId) {
        return 0;
    }
}
