package casedrill.stack;

import casedrill.topology.DbVariant;
import casedrill.topology.Node;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stack a drill runs against, however its provider runs it. Node control acts on the nodes the layout names;
 * every action returns the instant it took effect. {@link #close} takes down what the provider started for this
 * handle and nothing it attached to.
 */
public interface RunningStack extends AutoCloseable {

    /** Where this stack is, for a lease: enough for {@code recover} to attach again. */
    StackRef ref();

    String id();

    /** The topology's nodes (site, kind, endpoints) and links as this stack runs them. */
    StackLayout layout();

    /** The nodes this stack actually runs, in start order. */
    List<Node> nodes();

    DbVariant variant();

    /** How long each phase of bringing the stack up took, in start order; empty for an attached stack. */
    Map<String, Duration> startPhases();

    /** Readies node control before a drill's faults, so the first fault does not pay for warming up. */
    void prepareNodeControl();

    /** Hard crash of every process of the node. */
    EffectiveAt kill(String node);

    /** Crash of one process of a postgres node. */
    EffectiveAt killOnly(String node, DatabaseProcess process);

    /** Graceful stop. */
    EffectiveAt stop(String node);

    /** Starts a crashed or stopped node and waits until it is ready; returns when the start began. */
    EffectiveAt start(String node);

    /** Gray failure: the node freezes. */
    EffectiveAt pause(String node);

    EffectiveAt resume(String node);

    /** Stops the node if it runs, starts it again and waits until ready; returns when the stop (or start) began. */
    EffectiveAt restart(String node);

    /** Hard crash of every node of the site at the same instant. */
    EffectiveAt powerLoss(String site);

    /** Whether the node's processes run (paused counts as running). */
    boolean alive(String node);

    /**
     * Cuts the pairs apart in both directions: exactly where the provider can, else approximately
     * ({@link Partition#exact()} false, {@link Partition#detail()} says why and how).
     */
    Partition partition(List<Partition.SitePair> pairs, Partition.Mode mode);

    /** Cuts the pairs only if that is exact here; otherwise cuts nothing and the partition says why. */
    Partition partitionIfExact(List<Partition.SitePair> pairs, Partition.Mode mode);

    /** Undoes the partition and reads back that nothing of it is left; throws if something is. */
    void heal(Partition partition);

    /** Heals every partition of this stack, including those made by another process. */
    void healPartitions();

    /** How many partition rules are active (0 when every partition is healed). */
    int activePartitionRules();

    /** Cuts sites {@code a} and {@code b} apart (wan(a,b)); every other pair keeps talking. */
    default Partition partition(String a, String b, Partition.Mode mode) {
        return partition(List.of(new Partition.SitePair(a, b)), mode);
    }

    /** Cuts {@code site} from every other site (site-links(site)). */
    default Partition isolate(String site, Partition.Mode mode) {
        List<String> sites = layout().sites();
        if (!sites.contains(site)) {
            throw new IllegalArgumentException("unknown site '" + site + "' in stack " + id() + " (known: " + sites + ")");
        }
        return partition(sites.stream().filter(s -> !s.equals(site)).map(s -> new Partition.SitePair(site, s)).toList(), mode);
    }

    /** The Toxiproxy API that carries the topology's links. */
    HostPort toxiproxyApi();

    /**
     * The proxy carrying a topology link. A stack the harness starts names each proxy after its link on its one
     * server; a remote deployment's environment may name both per link.
     */
    default ProxyAddress proxyOf(String link) {
        return new ProxyAddress(toxiproxyApi(), link);
    }

    /** Base URL of the edge (the gslb). */
    URI edgeUrl();

    /**
     * The images the stack's nodes run, as name:tag → image id, read from where they run (so the result names what
     * actually ran, not what was built); empty when the provider runs processes rather than images.
     */
    default Map<String, String> images() {
        return Map.of();
    }

    /** Turns Patroni's maintenance mode on or off (runbook drills pause it; their runbook may resume it). */
    void maintenanceMode(boolean paused);

    StackStatus status();

    /** How node control reaches this stack, for the infrastructure watch. */
    ControlChannel controlChannel();

    /** Throws when the control channel does not answer. */
    void checkControl();

    /** Copies every node's logs into {@code stack-logs/} of the run folder; returns how many files were copied. */
    int collectLogs(Path runFolder);

    /** JDBC URL straight to one database node's PostgreSQL (for reconciliation), or to a db-router's primary port. */
    String dbUrlFor(String node);

    Credentials credentials();

    /**
     * Takes the stack down whether this handle started it or attached to it ({@code stack down}); keeps its data
     * and logs if {@code keep}. Returns what is still running.
     */
    List<StillRunning> down(boolean keep);

    /** Takes down what this handle started; leaves a stack it attached to running. */
    @Override
    void close();
}
