package casedrill.topology;

import java.util.Arrays;

/** What a node runs. A "postgres" node is Patroni together with the PostgreSQL it manages. */
public enum NodeKind {
    ETCD("etcd"),
    POSTGRES("postgres"),
    DB_ROUTER("db-router"),
    APP("app"),
    GSLB("gslb"),
    TOXIPROXY("toxiproxy");

    private final String id;

    NodeKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static NodeKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node kind '" + id + "'"));
    }

    @Override
    public String toString() {
        return id;
    }
}
