package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.provider.StackProviders;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackStartException;
import casedrill.topology.DbVariant;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Brings a stack up and leaves it running. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start every node of the topology as a detached process and wait until all are ready.",
                "On failure, stops what it started and names the node and its log file (exit 4)."})
public final class StackUpCommand implements Callable<Integer> {
    @Option(names = "--topology", paramLabel = "FILE", defaultValue = "scenarios/topology/two-dc.yaml",
            description = "Topology to bring up (default: ${DEFAULT-VALUE}).")
    Path topology;

    @Option(names = "--run-root", paramLabel = "DIR", defaultValue = "/var/tmp/casedrill",
            description = "Parent of the stack's run directory (default: ${DEFAULT-VALUE}).")
    Path runRoot;

    @Mixin
    ProviderOption provider;

    @Option(names = "--db-only", description = "Only etcd, Patroni + PostgreSQL and the db-routers (no app nodes, no gslb).")
    boolean dbOnly;

    @Option(names = "--links-direct", description = "Connect sites directly instead of through Toxiproxy proxies (no link faults possible).")
    boolean linksDirect;

    @Option(names = "--address-shift", paramLabel = "N", defaultValue = "0",
            description = "Move every address by N in its third octet (127.0.1.x -> 127.0.1+N.x), e.g. to run beside another stack.")
    int addressShift;

    @Option(names = "--jar", paramLabel = "FILE", description = "casedrill jar for the Toxiproxy server and app nodes (default: this jar).")
    Path jar;

    @Option(names = "--replication", defaultValue = "sync", description = "sync or async (Patroni synchronous_mode); default ${DEFAULT-VALUE}.")
    String replication;

    @Option(names = "--patroni", defaultValue = "4", description = "4 or 3.0.2 (Debian bookworm's package); default ${DEFAULT-VALUE}.")
    String patroni;

    @Option(names = "--db-routing", defaultValue = "router", description = "router (db-router per site) or multihost (pgjdbc multi-host URL); default ${DEFAULT-VALUE}.")
    String dbRouting;

    @Option(names = "--paused", description = "Patroni in maintenance mode after bootstrap: nothing fails over by itself (runbook drills).")
    boolean paused;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        provider.refuseEnvironment("stack up");
        StackLayout layout = StackLayout.of(TopologyLoader.load(topology));
        StackOptions options = StackOptions.defaults().withRunRoot(runRoot).withDbTierOnly(dbOnly).withLinksDirect(linksDirect)
                .withAddressShift(addressShift);
        try {
            options = options.withVariant(DbVariant.of(replication, patroni, dbRouting, paused));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        if (jar != null) {
            options = options.withJar(jar.toAbsolutePath());
        }
        long start = System.nanoTime();
        var chosen = provider.resolve(StackProviders.DEFAULT);
        RunningStack stack;
        try {
            stack = chosen.up(layout, options);
        } catch (StackStartException e) {
            throw new UserFacingException(ExitCode.HARNESS_ERROR, "stack up failed: " + e.getMessage(), e);
        }
        var out = spec.commandLine().getOut();
        out.printf("stack %s up in %.1f s (%d nodes, provider %s)%n", stack.id(), (System.nanoTime() - start) / 1e9,
                stack.nodes().size(), chosen.name());
        out.println("phases: " + stack.startPhases().entrySet().stream()
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue().toMillis() / 1000.0))
                .collect(java.util.stream.Collectors.joining(", ")));
        out.printf("stack: %s%n", stack.ref());
        if (!dbOnly) {
            out.printf("edge: %s%n", stack.edgeUrl());
        }
        out.println("see it with 'stack status', take it down with 'stack down'");
        return ExitCode.OK.code();
    }
}
