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

    /**
     * When a node of this kind starts, whatever runs it: a kind depends only on kinds of lower tiers (the link proxy
     * carries etcd's and PostgreSQL's cross-site traffic, Patroni needs etcd, routers and apps need a database, the gslb
     * balances apps), so every provider starts tier by tier.
     */
    public int startTier() {
        return switch (this) {
            case TOXIPROXY -> 0;
            case ETCD -> 1;
            case POSTGRES -> 2;
            case DB_ROUTER -> 3;
            case APP -> 4;
            case GSLB -> 5;
        };
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
