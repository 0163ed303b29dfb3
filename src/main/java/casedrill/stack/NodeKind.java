package casedrill.stack;

import java.util.Arrays;

/** What a node runs; the names are the topology file's {@code kind} values. */
public enum NodeKind {
    ETCD("etcd"), POSTGRES("postgres"), DB_ROUTER("db-router"), APP("app"), GSLB("gslb"), TOXIPROXY("toxiproxy");

    private final String topologyName;

    NodeKind(String topologyName) {
        this.topologyName = topologyName;
    }

    public String topologyName() {
        return topologyName;
    }

    public static NodeKind of(String topologyName) {
        return Arrays.stream(values()).filter(k -> k.topologyName.equals(topologyName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node kind '" + topologyName
                        + "' (known: etcd, postgres, db-router, app, gslb, toxiproxy)"));
    }
}
