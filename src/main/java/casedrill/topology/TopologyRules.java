package casedrill.topology;

import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.time.Duration;
import casedrill.notation.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cross-references a schema cannot check: sites, addresses, ports, link ends, timings. */
final class TopologyRules {
    private final Topology topology;
    private final SourceDocument doc;
    private final List<Problem> problems = new ArrayList<>();

    TopologyRules(Topology topology, SourceDocument doc) {
        this.topology = topology;
        this.doc = doc;
    }

    List<Problem> check() {
        Map<String, String> endpoints = new HashMap<>();
        for (Node node : topology.nodes().values()) {
            String at = "/nodes/" + node.name();
            Site site = topology.sites().get(node.site());
            if (site == null) {
                problems.add(doc.problemAt(at + "/site", "node '" + node.name() + "' is in unknown site '" + node.site()
                        + "' (known sites: " + String.join(", ", topology.sites().keySet()) + ")"));
            } else if (!inRange(node.address(), site.addresses())) {
                problems.add(doc.problemAt(at + "/address", "node '" + node.name() + "' has address " + node.address()
                        + ", outside its site's range " + site.addresses()));
            }
            node.ports().forEach((portName, port) -> claim(endpoints, node.address() + ":" + port,
                    "node '" + node.name() + "' port " + portName, at + "/ports/" + portName));
        }
        long injectors = topology.nodes().values().stream().filter(n -> n.kind() == NodeKind.TOXIPROXY).count();
        if (injectors != 1 && !topology.links().isEmpty()) {
            problems.add(doc.problemAt("/nodes", "a topology with links needs exactly one node of kind toxiproxy, but has " + injectors));
        }
        for (Link link : topology.links().values()) {
            checkLink(link, endpoints);
        }
        checkPatroni();
        return problems;
    }

    private void checkLink(Link link, Map<String, String> endpoints) {
        String at = "/links/" + link.name();
        Node to = topology.nodes().get(link.to());
        if (to == null) {
            problems.add(doc.problemAt(at + "/to", "link '" + link.name() + "' goes to unknown node '" + link.to() + "'"));
        } else if (!to.ports().containsKey(link.port())) {
            problems.add(doc.problemAt(at + "/port", "link '" + link.name() + "' names port '" + link.port()
                    + "', which node '" + to.name() + "' does not have (ports: " + String.join(", ", to.ports().keySet()) + ")"));
        }
        for (int i = 0; i < link.from().size(); i++) {
            String from = link.from().get(i);
            Node source = topology.nodes().get(from);
            if (source == null) {
                problems.add(doc.problemAt(at + "/from/" + i, "link '" + link.name() + "' comes from unknown node '" + from + "'"));
            } else if (to != null && source.site().equals(to.site())) {
                problems.add(doc.problemAt(at + "/from/" + i, "link '" + link.name() + "' joins nodes of the same site '"
                        + to.site() + "'; links model traffic between sites"));
            }
        }
        claim(endpoints, link.listen(), "link '" + link.name() + "'", at + "/listen");
    }

    private void claim(Map<String, String> endpoints, String endpoint, String owner, String pointer) {
        String previous = endpoints.putIfAbsent(endpoint, owner);
        if (previous != null) {
            problems.add(doc.problemAt(pointer, owner + " uses " + endpoint + ", already used by " + previous));
        }
    }

    private void checkPatroni() {
        PatroniTimings p = topology.patroni();
        Duration needed = p.loopWait().plus(p.retryTimeout().multipliedBy(2));
        if (needed.compareTo(p.ttl()) > 0) {
            problems.add(doc.problemAt("/patroni", "Patroni needs loopWait + 2 × retryTimeout ≤ ttl, but "
                    + Durations.format(needed) + " > " + Durations.format(p.ttl())));
        }
    }

    /** {@code 127.0.1.21} lies in {@code 127.0.1.0/24}. Only /24 ranges exist in topologies. */
    static boolean inRange(String address, String range) {
        String prefix = range.substring(0, range.lastIndexOf('.') + 1);
        return address.startsWith(prefix);
    }
}
