package casedrill.stack;

import java.util.List;
import java.util.Map;

/** TEMPORARY until casedrill.topology lands: the DB tier of scenarios/topology/two-dc.yaml. */
final class TwoDcLayouts {
    static StackLayout dbTier() {
        return new StackLayout("two-dc", List.of(
                node("etcd-dc1", NodeKind.ETCD, "dc1", "127.0.1.10", Map.of("client", 2379, "peer", 2380)),
                node("pg-dc1", NodeKind.POSTGRES, "dc1", "127.0.1.11", Map.of("postgres", 5432, "patroni", 8008)),
                node("db-router-dc1", NodeKind.DB_ROUTER, "dc1", "127.0.1.12", Map.of("primary", 5000, "replica", 5001, "stats", 7000)),
                node("etcd-dc2", NodeKind.ETCD, "dc2", "127.0.2.10", Map.of("client", 2379, "peer", 2380)),
                node("pg-dc2", NodeKind.POSTGRES, "dc2", "127.0.2.11", Map.of("postgres", 5432, "patroni", 8008)),
                node("db-router-dc2", NodeKind.DB_ROUTER, "dc2", "127.0.2.12", Map.of("primary", 5000, "replica", 5001, "stats", 7000)),
                node("etcd-witness", NodeKind.ETCD, "witness", "127.0.3.10", Map.of("client", 2379, "peer", 2380))),
                List.of(), new PatroniTimings(20, 2, 9, true));
    }

    private static NodeSpec node(String name, NodeKind kind, String site, String address, Map<String, Integer> ports) {
        return new NodeSpec(name, kind, site, address, ports);
    }
}
