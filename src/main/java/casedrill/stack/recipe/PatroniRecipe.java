package casedrill.stack.recipe;

import casedrill.stack.Credentials;
import casedrill.topology.NodeKind;
import casedrill.topology.Node;
import casedrill.topology.PatroniTimings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A "postgres" node: Patroni managing its own PostgreSQL 15. Patroni advertises the addresses of the
 * links the other site uses to reach it (only the other site dials them), reaches the other etcd
 * members through its own links and does no member discovery, so every WAN hop crosses a proxy.
 */
public final class PatroniRecipe implements NodeRecipe {
    static final String DATA = "data";

    private final RecipeContext ctx;

    PatroniRecipe(RecipeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LaunchSpec prepare(Node node) {
        Path dir = ctx.nodeDir(node.name());
        RunUser user = ctx.userOf(node.name());
        user.ownDirectory(dir.resolve("pglog"));
        Path config = ConfigFiles.writePrivate(dir.resolve("patroni.yml"), yaml(node, dir), user);
        List<String> command = List.of(ctx.options().patroniBinary().toString(), config.toString());
        // PGPASSWORD would override Patroni's pgpass: replication silently stops (known failure mode 3).
        return new LaunchSpec(node.name(), command, Map.of(), Set.of("PGPASSWORD", "PGUSER", "PGHOST", "PGPORT"),
                true, dir, ctx.log(node.name()));
    }

    @Override
    public Readiness readiness(Node node) {
        Probes.Answer health = Probes.get("http://" + node.endpoint("patroni") + "/health");
        return health.ok() ? Readiness.yes("PostgreSQL running")
                : Readiness.no("Patroni GET /health at " + node.endpoint("patroni") + " answered " + health.status());
    }

    /** The postmaster's PID from {@code postmaster.pid}: Patroni starts PostgreSQL as its child. */
    public static Path postmasterPidFile(RecipeContext ctx, String node) {
        return ctx.dir().resolve(node).resolve(DATA).resolve("postmaster.pid");
    }

    private String yaml(Node node, Path dir) {
        PatroniTimings t = ctx.layout().patroni();
        Credentials c = ctx.credentials();
        String etcdHosts = ctx.layout().nodesOf(NodeKind.ETCD).stream()
                .sorted((a, b) -> Boolean.compare(!a.site().equals(node.site()), !b.site().equals(node.site())))
                .map(e -> "'" + ctx.reach(node.name(), e.name(), "client") + "'")
                .collect(Collectors.joining(", "));
        return """
                scope: %s
                name: %s
                restapi:
                  listen: %s
                  connect_address: %s
                etcd3:
                  hosts: [%s]
                  use_proxies: true
                bootstrap:
                  dcs:
                    ttl: %d
                    loop_wait: %d
                    retry_timeout: %d
                    maximum_lag_on_failover: 1048576
                    synchronous_mode: %s
                    synchronous_mode_strict: false
                    postgresql:
                      use_pg_rewind: true
                      use_slots: true
                      parameters:
                        wal_level: replica
                        hot_standby: 'on'
                        max_wal_senders: 10
                        max_replication_slots: 10
                        wal_keep_size: 256MB
                        # A WAN cut that drops packets stalled synchronous commits for PostgreSQL's default 60 s
                        # until the walsender to the cut standby gave up and Patroni dropped it (measured: 54.6-62.8 s
                        # write outage); 10 s bounds that stall without tripping on a loaded machine.
                        wal_sender_timeout: 10s
                        wal_receiver_timeout: 10s
                        shared_buffers: 32MB
                        # Autovacuum's WAL competes with commits for a degraded replication link: the run
                        # folder's PostgreSQL log shows when it ran.
                        log_autovacuum_min_duration: 0
                  initdb:
                    - encoding: UTF8
                    - data-checksums
                postgresql:
                  listen: %s
                  connect_address: %s
                  data_dir: %s
                  bin_dir: %s
                  pgpass: %s
                  basebackup:
                    - checkpoint: 'fast'
                  authentication:
                    superuser: {username: %s, password: '%s'}
                    replication: {username: %s, password: '%s'}
                    rewind: {username: %s, password: '%s'}
                  parameters:
                    unix_socket_directories: '%s'
                    logging_collector: 'on'
                    log_directory: '%s'
                    log_filename: 'postgresql.log'
                    log_line_prefix: '%%m [%%p] %%q%%u@%%d '
                  pg_hba:
                    - local all all trust
                    - host replication %s %s scram-sha-256
                    - host all all %s scram-sha-256
                tags:
                  nofailover: false
                  noloadbalance: false
                  clonefrom: false
                """.formatted(
                ctx.scope(), node.name(),
                node.endpoint("patroni"), ctx.advertised(node.name(), "patroni"),
                etcdHosts,
                t.ttl().toSeconds(), t.loopWait().toSeconds(), t.retryTimeout().toSeconds(), ctx.synchronousReplication(),
                node.endpoint("postgres"), ctx.advertised(node.name(), "postgres"),
                dir.resolve(DATA), ctx.options().pgBinDir(), dir.resolve("pgpass"),
                Credentials.SUPERUSER, c.superuserPassword(),
                Credentials.REPLICATION_USER, c.replicationPassword(),
                Credentials.SUPERUSER, c.superuserPassword(),
                dir, dir.resolve("pglog"),
                Credentials.REPLICATION_USER, clients(node), clients(node));
    }

    /** Who may connect: the loopback range for the local stack; in containers, the networks PostgreSQL is on (the link proxy's included). */
    private static String clients(Node node) {
        return node.address().startsWith("127.") ? "127.0.0.0/8" : "samenet";
    }
}
