package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.stack.StackRef;
import casedrill.stack.StackStatus;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Shows every node of a stack, the Patroni leader and replication. Exit 0 when all are healthy, 3 otherwise. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every node (site, role, address, PID, health), the Patroni leader and replication.",
                "Exit 0 when every node is healthy, 3 when some are not."})
public final class StackStatusCommand implements Callable<Integer> {
    @Mixin
    StackSelection selection;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Option(names = "--environment", paramLabel = "FILE",
            description = "Read a remote deployment's status as its environment file describes it (Patroni's /cluster and one probe per node; nothing is changed).")
    Path environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StackStatus status = (environment == null ? selection.attach()
                : ProviderOption.byName(RunCommand.REMOTE).attach(new StackRef(RunCommand.REMOTE, environment.toAbsolutePath().toString()))).status();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(status));
        } else {
            print(status, out);
        }
        return status.allHealthy() ? ExitCode.OK.code() : ExitCode.INCONCLUSIVE.code();
    }

    private static void print(StackStatus status, PrintWriter out) {
        out.printf("stack %s (%s)%n", status.id(), status.dir());
        out.printf("%-14s %-8s %-10s %-13s %-12s %8s %-8s %s%n", "NODE", "SITE", "KIND", "ROLE", "ADDRESS", "PID", "PROCESS", "HEALTH");
        for (StackStatus.Node n : status.nodes()) {
            out.printf("%-14s %-8s %-10s %-13s %-12s %8d %-8s %s%n", n.name(), n.site(), n.kind(), n.role(), n.address(),
                    n.pid(), n.process(), (n.healthy() ? "ok: " : "NOT OK: ") + n.health());
        }
        out.printf("leader: %s%n", status.leader());
        for (StackStatus.Replica r : status.replication()) {
            out.printf("  %-10s %-13s %-10s lag %s%n", r.name(), r.role(), r.state(),
                    r.lagBytes() < 0 ? "-" : r.lagBytes() + " B");
        }
    }
}
