package casedrill.fault;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.stack.StackRef;
import casedrill.stack.local.NodeProcess;
import casedrill.history.DrillClock;
import casedrill.stack.EffectiveAt;
import casedrill.stack.local.LocalProcess;
import casedrill.stack.local.NodeControl;
import casedrill.toxiproxy.api.ToxiproxyServer;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make bench (-Pbench): how long a fault takes to take effect after the harness is asked for it (effectiveAt −
 * requestedAt, through {@link ActiveFaults} with its lease write), on a quiet machine and under load (busy loops on
 * every core plus a fork loop). Site power loss and kill hit stand-in process trees (a "site" of six nodes of four
 * processes each, signalled by the same node control as the local stack); toxic and partition go to the embedded
 * Toxiproxy server in-process. The peer, measured in the same run, is the way power loss was prepared before: one
 * /proc scan per process and a forked kill(1), timed to the moment that kill returned. One unmeasured pass goes first
 * (a drill readies node control when it starts, see {@code Stack#prepareNodeControl}).
 * Figures go to stdout and target/bench/injection.txt.
 */
@Tag("bench")
class InjectionLatencyBench {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 15);
    private static final int NODES = 6;

    @TempDir
    Path run;

    private final List<Process> started = new ArrayList<>();

    @Test
    void faultsTakeEffectWithinMillisecondsOfTheirRequest() throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "effectiveAt - requestedAt, ms (p50 / p95 / max of %d rounds)%n", ROUNDS));
        // As a drill readies node control when it starts: the signalling shell runs and the code is loaded before round one.
        NodeControl.prepare();
        measureAll();
        Map<String, List<Double>> quiet = measureAll();
        List<Process> load = startLoad();
        String loadAverage;
        Map<String, List<Double>> loaded;
        try {
            Thread.sleep(3_000);
            loadAverage = Files.readString(Path.of("/proc/loadavg")).strip();
            loaded = measureAll();
        } finally {
            load.forEach(Process::destroyForcibly);
        }
        for (String kind : quiet.keySet()) {
            out.append(String.format(Locale.ROOT, "%-36s quiet %s   loaded %s%n", kind, summary(quiet.get(kind)), summary(loaded.get(kind))));
        }
        out.append("load average while loaded: ").append(loadAverage).append('\n');
        System.out.print(out);
        Path file = Files.createDirectories(Path.of("target", "bench")).resolve("injection.txt");
        Files.writeString(file, out.toString());
        assertThat(loaded.get("power loss (site of 24 processes)")).as("rounds measured").hasSize(ROUNDS);
    }

    private Map<String, List<Double>> measureAll() throws Exception {
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
            client.createProxy("wan-a", "127.0.0.1:0", "127.0.0.1:9");
            client.createProxy("wan-b", "127.0.0.1:0", "127.0.0.1:9");
            for (int i = 0; i < ROUNDS; i++) {
                StandInNodes nodes = new StandInNodes(site(NODES));
                FaultContext ctx = new FaultContext(client, nodes, JsonHttp.standard(), n -> { });
                ms.computeIfAbsent("power loss (site of 24 processes)", k -> new ArrayList<>()).add(
                        timed(FaultRegistry.ACTIONS.create(Steps.onSite("loss", "dc1", nodes.names()), ctx)));
                StandInNodes one = new StandInNodes(site(1));
                ms.computeIfAbsent("kill (one node of 4 processes)", k -> new ArrayList<>()).add(
                        timed(FaultRegistry.ACTIONS.create(Steps.onNodes("kill", KillFault.DEFINITION, Map.of(), NodeKind.APP, one.names().get(0)),
                                new FaultContext(client, one, JsonHttp.standard(), n -> { }))));
                ms.computeIfAbsent("toxic (latency on 2 proxies)", k -> new ArrayList<>()).add(
                        timed(FaultRegistry.ACTIONS.create(Steps.onLinks("slow", LatencyToxic.DEFINITION, Map.of("latency", Duration.ofMillis(20)),
                                "wan-a", "wan-b"), ctx)));
                ms.computeIfAbsent("partition (2 proxies, drop)", k -> new ArrayList<>()).add(
                        timed(FaultRegistry.ACTIONS.create(Steps.onLinks("cut", PartitionFault.DEFINITION, Map.of("mode", "drop"), "wan-a", "wan-b"), ctx)));
                ms.computeIfAbsent("peer: power loss as before (scan per process, forked kill)", k -> new ArrayList<>()).add(
                        previousPowerLoss(site(NODES)));
            }
            for (Proxy p : client.getProxies()) {
                p.delete();
            }
        }
        return ms;
    }

    /** Injects through ActiveFaults (lease written first, as in a drill) and heals; returns effectiveAt − requestedAt in ms. */
    private double timed(Fault fault) {
        ActiveFaults active = new ActiveFaults(new LeaseFile(run), new StackRef("local", "/bench"), "127.0.0.1:1", e -> { }, DrillClock.system());
        EffectiveAt[] effective = new EffectiveAt[1];
        Fault capturing = new Fault() {
            public String name() { return fault.name(); }
            public String action() { return fault.action(); }
            public String target() { return fault.target(); }
            public Undo undo() { return fault.undo(); }
            public EffectiveAt inject() { return effective[0] = fault.inject(); }
            public void heal() { fault.heal(); }
        };
        long requested = System.nanoTime();
        active.inject(capturing);
        double elapsed = (effective[0].nanoTime() - requested) / 1e6;
        active.healAll();
        return elapsed;
    }

    /** The old preparation: each process's children from a scan of all of /proc, then kill(1) forked; until kill returned. */
    private double previousPowerLoss(List<NodeControl.Target> site) throws Exception {
        long requested = System.nanoTime();
        List<Long> pids = new ArrayList<>();
        for (NodeControl.Target t : site) {
            List<Long> tree = new ArrayList<>(List.of(t.recorded().pid()));
            for (int i = 0; i < tree.size(); i++) {
                tree.addAll(childrenByScan(tree.get(i)));
            }
            pids.addAll(tree);
        }
        List<String> command = new ArrayList<>(List.of("kill", "-s", "STOP"));
        pids.forEach(p -> command.add(Long.toString(p)));
        new ProcessBuilder(command).start().waitFor(10, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - requested) / 1e6;
        List<String> kill = new ArrayList<>(List.of("kill", "-s", "KILL"));
        pids.forEach(p -> kill.add(Long.toString(p)));
        new ProcessBuilder(kill).start().waitFor(10, TimeUnit.SECONDS);
        return elapsed;
    }

    private static List<Long> childrenByScan(long parent) throws IOException {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == parent) {
                        children.add(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // exited while scanning
                }
            }
        }
        return children;
    }

    /** {@code count} stand-in nodes: a shell with three sleeping children each. */
    private List<NodeControl.Target> site(int count) throws IOException {
        List<NodeControl.Target> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Process p = new ProcessBuilder("sh", "-c", "sleep 600 & sleep 600 & sleep 600 & wait").start();
            started.add(p);
            LocalProcess process = LocalProcess.of(p.pid()).orElseThrow();
            String name = "node-" + p.pid();
            targets.add(new NodeControl.Target(new Node(name, NodeKind.APP, "dc1", "127.0.0.1", Map.of()),
                    new NodeProcess(name, process.pid(), process.startTime(), "root", "/dev/null")));
        }
        awaitChildren(targets);
        return targets;
    }

    private static void awaitChildren(List<NodeControl.Target> targets) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (targets.stream().anyMatch(t -> t.recorded().process().tree().size() < 4) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Busy loops on every core and a fork loop, as a drill's load generator, probes and stack keep a 2-core machine busy. */
    private static List<Process> startLoad() throws IOException {
        List<Process> load = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            load.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
        load.add(new ProcessBuilder("sh", "-c", "while :; do /bin/true; done").start());
        return load;
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%6.1f / %6.1f / %6.1f", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
    }

    /** Node operations on stand-in process trees through the local stack's node control; only crashes are needed here. */
    private static final class StandInNodes extends RecordingNodes {
        private final Map<String, NodeControl.Target> byName = new LinkedHashMap<>();
        // Stand-ins are app nodes: node control needs the stack's context only to find a postgres node's postmaster.
        private final NodeControl control = new NodeControl(null);

        StandInNodes(List<NodeControl.Target> targets) {
            targets.forEach(t -> byName.put(t.node().name(), t));
        }

        List<String> names() {
            return List.copyOf(byName.keySet());
        }

        @Override
        public EffectiveAt kill(String node) {
            return control.crash(List.of(byName.get(node)));
        }

        @Override
        public EffectiveAt powerLoss(String site) {
            return control.crash(byName.values());
        }
    }
}
