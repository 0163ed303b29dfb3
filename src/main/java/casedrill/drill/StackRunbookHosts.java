package casedrill.drill;

import casedrill.failover.RunbookHosts;
import casedrill.stack.Credentials;
import casedrill.stack.RunningStack;
import java.util.List;

/**
 * A running stack as seen by a runbook: addresses from the stack's own (possibly shifted) layout, SQL as the
 * database superuser, because an operator's checks (replay lag in pg_stat_replication) need that role.
 */
record StackRunbookHosts(RunningStack stack) implements RunbookHosts {
    @Override
    public String endpoint(String node, String port) {
        return stack.layout().node(node).endpoint(port);
    }

    @Override
    public String address(String node) {
        return stack.layout().node(node).address();
    }

    @Override
    public String jdbcUrl(String node) {
        return stack.dbUrlFor(node);
    }

    @Override
    public String dbUser() {
        return Credentials.SUPERUSER;
    }

    @Override
    public String dbPassword() {
        return stack.credentials().superuserPassword();
    }

    @Override
    public List<String> secrets() {
        Credentials c = stack.credentials();
        return List.of(c.superuserPassword(), c.replicationPassword(), c.appPassword(), c.clientToken(), c.officerToken(), c.partnerToken());
    }
}
