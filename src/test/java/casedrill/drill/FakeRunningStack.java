package casedrill.drill;

import casedrill.stack.ControlChannel;
import casedrill.stack.Credentials;
import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import casedrill.stack.HostPort;
import casedrill.stack.Partition;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackRef;
import casedrill.stack.StackStatus;
import casedrill.stack.StillRunning;
import casedrill.topology.DbVariant;
import casedrill.topology.Node;
import casedrill.topology.TopologyLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A stack that runs nothing: every node healthy, every action recorded and effective at once. */
final class FakeRunningStack implements RunningStack {
    static final StackLayout TWO_DC = StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml")));

    private final HostPort toxiproxyApi;
    private final Credentials credentials = Credentials.generate();
    private final List<String> calls = new ArrayList<>();
    private volatile String pausingFails;

    /** @param toxiproxyApi a server answering {@code GET /version}, for the drill's infrastructure watch */
    FakeRunningStack(HostPort toxiproxyApi) {
        this.toxiproxyApi = toxiproxyApi;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Records what a provider did with this stack ("up", "attach"). */
    void note(String call) {
        record(call);
    }

    private synchronized EffectiveAt record(String call) {
        calls.add(call);
        return EffectiveAt.now();
    }

    @Override
    public StackRef ref() {
        return new StackRef("fake", "fake-1");
    }

    @Override
    public String id() {
        return "fake-1";
    }

    @Override
    public StackLayout layout() {
        return TWO_DC;
    }

    @Override
    public List<Node> nodes() {
        return TWO_DC.nodes();
    }

    @Override
    public DbVariant variant() {
        return DbVariant.DEFAULT;
    }

    @Override
    public Map<String, Duration> startPhases() {
        return Map.of();
    }

    @Override
    public void prepareNodeControl() {
    }

    @Override
    public EffectiveAt kill(String node) {
        return record("kill " + node);
    }

    @Override
    public EffectiveAt killOnly(String node, DatabaseProcess process) {
        return record("kill-only " + process.id() + " " + node);
    }

    @Override
    public EffectiveAt stop(String node) {
        return record("stop " + node);
    }

    @Override
    public EffectiveAt start(String node) {
        return record("start " + node);
    }

    @Override
    public EffectiveAt pause(String node) {
        return record("pause " + node);
    }

    @Override
    public EffectiveAt resume(String node) {
        return record("resume " + node);
    }

    @Override
    public EffectiveAt restart(String node) {
        return record("restart " + node);
    }

    @Override
    public EffectiveAt powerLoss(String site) {
        return record("power-loss " + site);
    }

    @Override
    public boolean alive(String node) {
        return true;
    }

    @Override
    public Partition partition(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return new Partition(pairs, mode, true, "fake", record("partition " + pairs));
    }

    @Override
    public Partition partitionIfExact(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return partition(pairs, mode);
    }

    @Override
    public void heal(Partition partition) {
        record("heal " + partition.sides());
    }

    @Override
    public void healPartitions() {
        record("heal-partitions");
    }

    @Override
    public int activePartitionRules() {
        return 0;
    }

    @Override
    public HostPort toxiproxyApi() {
        return toxiproxyApi;
    }

    @Override
    public URI edgeUrl() {
        // Port 1 on loopback refuses at once: the observer's polls fail fast and harmlessly.
        return URI.create("http://127.0.0.1:1");
    }

    @Override
    public void maintenanceMode(boolean paused) {
        record("maintenance " + paused);
        if (paused && pausingFails != null) {
            throw new IllegalStateException(pausingFails);
        }
    }

    /** Pausing Patroni fails after it was asked for (as when a member never reads the flag back), saying {@code why}. */
    void failPausing(String why) {
        pausingFails = why;
    }

    @Override
    public StackStatus status() {
        return new StackStatus(id(), "fake", "pg-dc1", TWO_DC.nodes().stream().map(n -> new StackStatus.Node(n.name(), n.site(),
                n.kind().id(), n.kind().id(), n.address(), 0, "running", true, "ok")).toList(), List.of());
    }

    @Override
    public ControlChannel controlChannel() {
        return new ControlChannel("the fake stack's control channel", "memory");
    }

    @Override
    public void checkControl() {
    }

    @Override
    public int collectLogs(Path runFolder) {
        record("collect-logs");
        return 0;
    }

    @Override
    public String dbUrlFor(String node) {
        return "jdbc:postgresql://127.0.0.1:1/app";
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public List<StillRunning> down(boolean keep) {
        record("down");
        return List.of();
    }

    @Override
    public void close() {
        record("close");
    }
}
