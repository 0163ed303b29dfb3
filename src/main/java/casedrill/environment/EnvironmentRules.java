package casedrill.environment;

import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.topology.Topology;
import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-references a schema cannot check: every node and link of the topology placed, nothing placed that
 * the topology lacks, endpoints named after the topology's ports, and every host on the allow-list. The
 * topology's own toxiproxy node needs no place: in a real deployment each link names the server that carries it.
 */
final class EnvironmentRules {
    private final Environment env;
    private final SourceDocument doc;
    private final List<Problem> problems = new ArrayList<>();

    EnvironmentRules(Environment env, SourceDocument doc) {
        this.env = env;
        this.doc = doc;
    }

    List<Problem> check() {
        Topology topology = env.topology();
        for (EnvironmentNode node : env.nodes().values()) {
            String at = SourceDocument.child("/nodes", node.name());
            Node modelled = topology.nodes().get(node.name());
            if (modelled == null) {
                problems.add(doc.problemAtKey(at, "node '" + node.name() + "' is not in topology " + topology.name()
                        + " (nodes: " + String.join(", ", topology.nodes().keySet()) + ")"));
                continue;
            }
            node.endpoints().keySet().stream().filter(port -> !modelled.ports().containsKey(port)).forEach(port ->
                    problems.add(doc.problemAtKey(at + "/endpoints/" + port, "node '" + node.name() + "' has no port '" + port
                            + "' in topology " + topology.name() + " (ports: " + String.join(", ", new java.util.TreeSet<>(modelled.ports().keySet())) + ")")));
            onlyOnDatabaseNodes(modelled, at);
            allowed(node.host(), at + "/host");
            if (node.control() instanceof NodeControl.Ssh ssh && !ssh.target().host().equals(node.host())) {
                allowed(ssh.target().host(), at + "/control/ssh/host");
            }
        }
        topology.nodes().values().stream()
                .filter(n -> n.kind() != NodeKind.TOXIPROXY && !env.nodes().containsKey(n.name()))
                .forEach(n -> problems.add(doc.problemAtKey("/nodes", "node '" + n.name() + "' of topology " + topology.name()
                        + " has no place in the environment; every node the drills may act on needs a host")));
        for (LinkProxy link : env.links().values()) {
            String at = SourceDocument.child("/links", link.link());
            if (!topology.links().containsKey(link.link())) {
                problems.add(doc.problemAtKey(at, "link '" + link.link() + "' is not in topology " + topology.name()));
            }
            allowed(Environment.hostOf(link.toxiproxyUrl()), at + "/toxiproxy");
        }
        topology.links().keySet().stream().filter(l -> !env.links().containsKey(l)).forEach(l ->
                problems.add(doc.problemAtKey(env.links().isEmpty() ? "" : "/links", "link '" + l + "' of topology "
                        + topology.name() + " has no Toxiproxy proxy in the environment; link faults and partitions need one")));
        env.partitions().keySet().stream().filter(site -> !topology.sites().containsKey(site)).forEach(site ->
                problems.add(doc.problemAtKey(SourceDocument.child("/partitions", site), "partition template for unknown site '"
                        + site + "' (sites: " + String.join(", ", topology.sites().keySet()) + ")")));
        // recover heals without knowing the mode a killed drill cut with, so a heal must undo either.
        env.partitions().values().stream().filter(t -> t.heal().contains("{mode}")).forEach(t ->
                problems.add(doc.problemAt(SourceDocument.child("/partitions", t.site()) + "/heal", "partition template heal of site '"
                        + t.site() + "' uses {mode}, which only cut has: a heal must undo a cut of either mode (recover cannot know which)")));
        allowed(Environment.hostOf(env.edge()), "/edge");
        return problems;
    }

    /**
     * A node's own one-process crash commands, on a node that is not a postgres node: only those run Patroni and
     * PostgreSQL as separate processes. The top-level ssh defaults may carry them for every node (a shared script);
     * they are only ever sent to postgres nodes.
     */
    private void onlyOnDatabaseNodes(Node modelled, String at) {
        for (ControlAction action : ControlAction.values()) {
            if (action.appliesTo(modelled.kind())) {
                continue;
            }
            for (String commands : List.of(at + "/control/ssh/commands", at + "/control/command")) {
                String pointer = SourceDocument.child(commands, action.key());
                if (!doc.root().at(pointer).isMissingNode()) {
                    problems.add(doc.problemAtKey(pointer, "'" + action.key() + "' crashes one process of a postgres node, but node '"
                            + modelled.name() + "' is of kind " + modelled.kind().id() + " (remove the command here)"));
                }
            }
        }
    }

    private void allowed(String host, String pointer) {
        if (!env.allow().contains(host)) {
            problems.add(doc.problemAt(pointer, "host '" + host + "' is not in the allow-list; the harness acts only on hosts"
                    + " the environment allows (add it to allow: if it is meant)"));
        }
    }
}
