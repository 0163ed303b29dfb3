package casedrill.environment;

import casedrill.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated environment file: every node of the topology placed on an allowed host, every link's proxy named,
 * every host and URL on the allow-list. {@code forbid} holds fault action ids ("power-loss").
 */
public record Environment(String name, String description, Path source, Topology topology, List<String> allow,
                          Set<String> forbid, BlastRadius maxBlastRadius, String edge, Optional<DatabaseAccess> database,
                          Optional<ApiTokens> apiTokens, Map<String, EnvironmentNode> nodes, Map<String, LinkProxy> links,
                          Map<String, PartitionTemplate> partitions) {
    public Environment {
        allow = List.copyOf(allow);
        forbid = Set.copyOf(forbid);
    }

    public EnvironmentNode node(String name) {
        EnvironmentNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("environment " + this.name + " has no node '" + name + "' (nodes: "
                    + String.join(", ", nodes.keySet()) + ")");
        }
        return node;
    }

    /** Every host the environment acts on or watches: nodes, SSH logins, link proxies' servers, the edge. */
    public Set<String> hosts() {
        Set<String> hosts = new java.util.TreeSet<>();
        hosts.add(hostOf(edge));
        for (EnvironmentNode node : nodes.values()) {
            hosts.add(node.host());
            if (node.control() instanceof NodeControl.Ssh ssh) {
                hosts.add(ssh.target().host());
            }
        }
        links.values().forEach(l -> hosts.add(hostOf(l.toxiproxyUrl())));
        return hosts;
    }

    /** True when every host the environment names is a loopback address, so no operator confirmation is needed. */
    public boolean loopbackOnly() {
        return hosts().stream().allMatch(Environment::isLoopback);
    }

    /** The host of an http(s) URL as the schema allows them (no user info). */
    public static String hostOf(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = rest.length();
        for (char c : new char[] {':', '/'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }

    public static boolean isLoopback(String host) {
        return host.equals("localhost") || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }
}
