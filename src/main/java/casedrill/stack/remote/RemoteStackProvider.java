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
        return Optional.of("the environment decides: exact through its partition templates where one side of each pair has"
                + " one, otherwise through the links' Toxiproxy proxies, exact only when no crossing link also carries a third site");
    }

    /** Runs every partition template's heal (the proxies a drill disabled are in its lease and enabled from there). */
    @Override
    public int removePartitions(StackRef where, String stackId) {
        return new TemplatePartitions(EnvironmentLoader.load(Path.of(where.locator()))).healAll();
    }
}
