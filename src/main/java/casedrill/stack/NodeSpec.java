package casedrill.stack;

import java.util.Map;

/** One node of the layout: where it lives and the ports it listens on, by name. */
public record NodeSpec(String name, NodeKind kind, String site, String address, Map<String, Integer> ports) {
    public NodeSpec {
        ports = Map.copyOf(ports);
    }

    public int port(String portName) {
        Integer port = ports.get(portName);
        if (port == null) {
            throw new IllegalArgumentException("node " + name + " has no port '" + portName + "' (has " + ports.keySet() + ")");
        }
        return port;
    }

    /** {@code address:port} of one of this node's own listeners. */
    public String endpoint(String portName) {
        return address + ":" + port(portName);
    }
}
