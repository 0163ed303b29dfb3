package casedrill.fault;

import casedrill.stack.HostPort;
import casedrill.stack.ProxyAddress;
import casedrill.stack.RunningStack;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import casedrill.toxiproxy.ToxiproxyClients;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Heals what a killed harness left, from a run folder's lease file and the stack's provider only:
 * toxics removed, disabled proxies enabled, partition rules removed, paused processes resumed, assaults disabled. Each fault is
 * released from the lease once undone, so running recover twice is harmless.
 */
public final class Recovery {
    private Recovery() {
    }

    /** What recover did, one line per action, and what it could not do. */
    public record Outcome(List<String> done, List<String> failures) {
    }

    /** @param providers the stack provider of a name (the lease names the one that runs the stack) */
    public static Outcome recover(Path runFolder, JsonHttp http, Function<String, StackProvider> providers) {
        return recover(runFolder, http, providers, UnaryOperator.identity());
    }

    /**
     * @param where the stack to act on, from the one the lease names (the operator may name a remote deployment's
     *              environment file anew, e.g. when it moved since the drill)
     */
    public static Outcome recover(Path runFolder, JsonHttp http, Function<String, StackProvider> providers, UnaryOperator<StackRef> where) {
        LeaseFile leaseFile = new LeaseFile(runFolder);
        if (!leaseFile.exists()) {
            throw new IllegalArgumentException("run folder " + runFolder + " has no " + LeaseFile.NAME + ", so there is nothing to recover");
        }
        Lease read = leaseFile.read();
        Lease lease = new Lease(where.apply(read.stack()), read.toxiproxyApi(), read.faults());
        List<String> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        StackProvider provider = providers.apply(lease.stack().provider());
        HostPort api = HostPort.of(lease.toxiproxyApi());
        ToxiproxyClient toxiproxy = ToxiproxyClients.connect(api.host(), api.port());
        for (Lease.Entry entry : lease.faults()) {
            List<String> before = new ArrayList<>(failures);
            undo(entry, lease, provider, toxiproxy, http, done, failures);
            if (failures.equals(before)) {
                lease = lease.without(entry.fault());
                leaseFile.write(lease);
            }
        }
        return new Outcome(done, failures);
    }

    /**
     * Enables the proxies of the leased links where the stack says they are (a remote environment names server and
     * proxy per link); a stack that cannot be attached any more leaves the lease's server and the links' names.
     */
    private static int enableLinks(List<String> links, Lease lease, StackProvider provider, ToxiproxyClient leased) throws IOException {
        Map<HostPort, List<String>> byServer = new LinkedHashMap<>();
        try (RunningStack stack = provider.attach(lease.stack())) {
            for (String link : links) {
                ProxyAddress proxy = stack.proxyOf(link);
                byServer.computeIfAbsent(proxy.api(), a -> new ArrayList<>()).add(proxy.proxy());
            }
        } catch (RuntimeException notAttached) {
            return ProxySwitch.enable(leased, links);
        }
        int enabled = 0;
        for (Map.Entry<HostPort, List<String>> server : byServer.entrySet()) {
            enabled += ProxySwitch.enable(ToxiproxyClients.connect(server.getKey().host(), server.getKey().port()), server.getValue());
        }
        return enabled;
    }

    private static void undo(Lease.Entry entry, Lease lease, StackProvider provider, ToxiproxyClient toxiproxy, JsonHttp http,
                             List<String> done, List<String> failures) {
        Undo undo = entry.undo();
        String label = entry.fault() + " (" + entry.action() + " " + entry.target() + ")";
        try {
            if (!undo.toxics().isEmpty()) {
                done.add(label + ": removed " + ToxicDirections.remove(toxiproxy, undo.toxics()) + " toxic(s)");
            }
            if (!undo.disabledProxies().isEmpty()) {
                done.add(label + ": enabled " + enableLinks(undo.disabledProxies(), lease, provider, toxiproxy) + " proxy(ies)");
            }
        } catch (IOException e) {
            failures.add(label + ": Toxiproxy API at " + lease.toxiproxyApi() + " failed: " + e.getMessage());
        }
        if (undo.partitionStack() != null) {
            try {
                int rules = provider.removePartitions(lease.stack(), undo.partitionStack());
                done.add(label + ": removed " + rules + " partition rule(s) of stack " + undo.partitionStack());
            } catch (RuntimeException e) {
                failures.add(label + ": cannot remove the partition rules of stack " + undo.partitionStack() + ": " + e.getMessage());
            }
        }
        if (!undo.pausedNodes().isEmpty()) {
            try {
                try (RunningStack stack = provider.attach(lease.stack())) {
                    undo.pausedNodes().forEach(stack::resume);
                }
                done.add(label + ": resumed " + String.join(", ", undo.pausedNodes()));
            } catch (RuntimeException e) {
                failures.add(label + ": cannot resume " + undo.pausedNodes() + ": " + e.getMessage());
            }
        }
        for (String url : undo.assaultUrls()) {
            try {
                ChaosMonkeyFault.disable(http, url);
                done.add(label + ": disabled Chaos Monkey at " + url);
            } catch (ConnectException e) {
                // Not "nothing to disable": a node that does not answer may yet run its assault when it does.
                failures.add(label + ": the Chaos Monkey actuator at " + url + " does not answer (" + e.getMessage()
                        + "); start the node, then recover again");
            } catch (IOException e) {
                failures.add(label + ": cannot disable Chaos Monkey at " + url + ": " + e.getMessage());
            }
        }
    }
}
