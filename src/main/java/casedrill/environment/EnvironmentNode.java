package casedrill.environment;

import java.util.Map;

/** Where a node of the topology really is: its host, its endpoints there (port by the topology's port name), its control. */
public record EnvironmentNode(String name, String host, Map<String, Integer> endpoints, NodeControl control) {
    public EnvironmentNode {
        endpoints = Map.copyOf(endpoints);
    }

    public String endpoint(String portName) {
        Integer port = endpoints.get(portName);
        if (port == null) {
            throw new IllegalArgumentException("node " + name + " has no endpoint '" + portName + "' in its environment (endpoints: "
                    + endpoints.keySet() + ")");
        }
        return host + ":" + port;
    }
}
