package casedrill.stack;

import casedrill.stack.local.LocalStack;
import casedrill.stack.local.NodeProcess;
import casedrill.stack.local.StackState;
import casedrill.stack.Endpoints;
import casedrill.topology.Link;
import casedrill.topology.Node;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.stack.local.Listeners;
import casedrill.stack.local.LocalProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helpers that look at a stack from outside: SQL through its endpoints, processes, listeners. */
final class StackProbe {
    private StackProbe() {
    }

    static Connection connect(LocalStack stack, String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, Credentials.SUPERUSER, stack.credentials().superuserPassword());
    }

    static String routerPrimary(LocalStack stack, String router) {
        return "jdbc:postgresql://" + stack.state().layout().node(router).endpoint("primary")
                + "/postgres?sslmode=disable&connectTimeout=2&socketTimeout=5";
    }

    static String direct(LocalStack stack, String pg) {
        return "jdbc:postgresql://" + stack.state().layout().node(pg).endpoint("postgres")
                + "/postgres?sslmode=disable&connectTimeout=2&socketTimeout=5";
    }

    /** JDBC URL of the case service's database straight on one PostgreSQL node. */
    static String casesOn(LocalStack stack, String pg) {
        return stack.dbUrlFor(pg);
    }

    /** Case ids present in the case service's database on one node. */
    static List<String> caseIds(LocalStack stack, String pg) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = connect(stack, stack.dbUrlFor(pg)); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT id::text FROM cases")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    static void createLedger(LocalStack stack, String router) throws SQLException {
        try (Connection db = connect(stack, routerPrimary(stack, router)); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS ledger (id bigint PRIMARY KEY, note text NOT NULL)");
        }
    }

    /** Inserts one row through a router; returns the WAL position reached before the commit record. */
    static String write(LocalStack stack, String router, long id) throws SQLException {
        try (Connection db = connect(stack, routerPrimary(stack, router)); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("INSERT INTO ledger VALUES (" + id + ", 'row " + id + "')");
            String lsn;
            try (ResultSet rs = sql.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
                rs.next();
                lsn = rs.getString(1);
            }
            db.commit();
            return lsn;
        }
    }

    static List<Long> ids(LocalStack stack, String jdbcUrl) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = connect(stack, jdbcUrl); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT id FROM ledger ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static boolean inRecovery(LocalStack stack, String jdbcUrl) throws SQLException {
        try (Connection db = connect(stack, jdbcUrl); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Takes the stack down and checks that nothing outlives it. */
    static void downCleanly(LocalStack stack) {
        StackState state = stack.state();
        assertThat(stack.down(false)).as("processes left alive by down").isEmpty();
        assertNothingLeft(state);
    }

    /** After down: no recorded process is alive, nothing listens on any node's or link's address, no partition chain. */
    static void assertNothingLeft(StackState state) {
        String chain = casedrill.stack.local.Partitions.chainOf(state.id());
        assertThat(SiteProbe.iptablesRules()).as("iptables rules after down").noneMatch(rule -> rule.contains(chain));
        for (NodeProcess p : state.processes().values()) {
            assertThat(p.process().alive()).as("process of %s (PID %d) after down", p.node(), p.pid()).isFalse();
        }
        for (Node node : state.layout().nodes()) {
            node.ports().forEach((name, port) -> assertThat(Listeners.listening(node.address(), port))
                    .as("listener of %s on %s:%d (%s) after down", node.name(), node.address(), port, name).isFalse());
        }
        for (Link link : state.layout().links()) {
            assertThat(Listeners.listening(Endpoints.host(link.listen()), Endpoints.port(link.listen())))
                    .as("listener of link %s on %s after down", link.name(), link.listen()).isFalse();
        }
        assertThat(processesWorkingUnder(state)).as("processes working under %s after down", state.dir()).isEmpty();
    }

    /** Any live process whose working directory is in the run directory (PostgreSQL backends included). */
    static List<Long> processesWorkingUnder(StackState state) {
        List<Long> found = new ArrayList<>();
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cwd = java.nio.file.Files.readSymbolicLink(p.resolve("cwd")).toString();
                    if (cwd.startsWith(state.dir()) && LocalProcess.of(Long.parseLong(name)).isPresent()) {
                        found.add(Long.parseLong(name));
                    }
                } catch (java.io.IOException e) {
                    // The process ended while we looked: not left behind.
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
