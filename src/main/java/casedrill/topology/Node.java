package casedrill.topology;

import java.util.Map;

/** One process of the stack, on its own loopback address, with its named ports. */
public record Node(String name, NodeKind kind, String site, String address, Map<String, Integer> ports) {
    public Node {
        ports = Map.copyOf(ports);
    }

    public int port(String portName) {
        Integer port = ports.get(portName);
        if (port == null) {
            throw new IllegalArgumentException("node " + name + " has no port '" + portName + "' (ports: " + ports.keySet() + ")");
        }
        return port;
    }

    public String endpoint(String portName) {
        return address + ":" + port(portName);
    }
}
