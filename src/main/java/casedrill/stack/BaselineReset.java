package casedrill.stack;

import casedrill.topology.NodeKind;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Returns a running stack to its baseline between drills and verifies it, never assumes it: heal (partitions, the
 * links' proxies and toxics, paused or stopped processes, Chaos Monkey assaults), the bootstrap leader back in the
 * first site by a Patroni switchover, the standbys streaming (synchronously where the variant says) with no lag, the case
 * database emptied to its bootstrap contents, every node ready by {@link HealthyWait} (the same verdict {@code recover}
 * waits for), Patroni's maintenance mode as the variant starts it. Then every rule is read back into a
 * {@link BaselineCheck}. A repair that fails is not fatal here: its rule then fails the read-back, and the caller
 * replaces the stack.
 */
public final class BaselineReset {
    private final RunningStack stack;
    private final Duration limit;
    private final Consumer<String> progress;
    private final List<BaselineCheck.Repair> repairs = new ArrayList<>();
    private final List<BaselineCheck.PhaseTime> phases = new ArrayList<>();
    /** What the readiness wait saw last when the stack was not ready in time. */
    private final List<String> problems = new ArrayList<>();

    /** {@code limit} bounds each wait (leader, replication, readiness), not the whole reset. */
    public BaselineReset(RunningStack stack, Duration limit, Consumer<String> progress) {
        this.stack = stack;
        this.limit = limit;
        this.progress = progress;
    }

    public BaselineCheck run() {
        long start = System.nanoTime();
        BaselineLeader databases = new BaselineLeader(stack);
        phase("heal", this::heal);
        // Patroni in maintenance mode does not switch over cleanly: off first, the variant's mode comes back in "ready".
        phase("leader", () -> databases.restore(limit, () -> maintenanceOff(databases))
                .ifPresent(from -> repair(BaselineCheck.Repair.Kind.LEADER_SWITCHED, from + " -> " + databases.baselineLeader())));
        phase("replication", () -> databases.awaitReplication(limit));
        phase("data", () -> {
            Map<String, Long> removed = CaseTables.truncate(stack.dbUrlFor(databases.baselineLeader()), stack.credentials());
            removed.forEach((table, rows) -> {
                if (rows > 0) {
                    repair(BaselineCheck.Repair.Kind.CASES_REMOVED, table + " (" + rows + " rows)");
                }
            });
        });
        phase("ready", () -> {
            if (databases.maintenance() != stack.variant().paused()) {
                stack.maintenanceMode(stack.variant().paused());
                repair(BaselineCheck.Repair.Kind.MAINTENANCE_SET, stack.variant().paused() ? "paused" : "resumed");
            }
            HealthyWait.Verdict ready = HealthyWait.await(stack::status, limit, Duration.ofSeconds(1), progress);
            if (!ready.healthy()) {
                problems.add(ready.describe());
            }
        });
        long verifyStart = System.nanoTime();
        List<BaselineCheck.Check> checks = verify(databases);
        phases.add(new BaselineCheck.PhaseTime("verify", (System.nanoTime() - verifyStart) / 1_000_000, null));
        return new BaselineCheck(stack.id(), checks.stream().allMatch(BaselineCheck.Check::passed), checks, repairs, phases,
                (System.nanoTime() - start) / 1_000_000, Instant.now().toString());
    }

    /** Processes first (a paused node answers nothing), then partitions, the proxies and the assaults. */
    private void heal() throws IOException {
        for (StackStatus.Node node : stack.status().nodes()) {
            if (node.process().equals("paused")) {
                stack.resume(node.name());
                repair(BaselineCheck.Repair.Kind.NODE_RESUMED, node.name());
            }
        }
        int rules = stack.activePartitionRules();
        if (rules > 0) {
            stack.healPartitions();
            repair(BaselineCheck.Repair.Kind.PARTITION_HEALED, rules + " rules");
        }
        repairs.addAll(BaselineProxies.restore(stack.toxiproxyApi()));
        for (StackStatus.Node node : stack.status().nodes()) {
            if (node.process().equals("gone")) {
                stack.start(node.name());
                repair(BaselineCheck.Repair.Kind.NODE_STARTED, node.name());
            }
        }
        repairs.addAll(BaselineAssaults.restore(stack.layout()));
    }

    private List<BaselineCheck.Check> verify(BaselineLeader databases) {
        List<BaselineCheck.Check> checks = new ArrayList<>();
        StackStatus status;
        try {
            status = stack.status();
        } catch (RuntimeException e) {
            return List.of(new BaselineCheck.Check(BaselineCheck.Rule.READY, false, "status unreadable: " + e.getMessage()));
        }
        List<String> notRunning = status.nodes().stream().filter(n -> n.process().equals("paused") || n.process().equals("gone")
                || n.process().equals("not answering")).map(n -> n.name() + " " + n.process()).toList();
        checks.add(new BaselineCheck.Check(BaselineCheck.Rule.PROCESSES, notRunning.isEmpty(),
                notRunning.isEmpty() ? status.nodes().size() + " nodes running, none paused" : String.join(", ", notRunning)));
        int rules = stack.activePartitionRules();
        checks.add(new BaselineCheck.Check(BaselineCheck.Rule.PARTITIONS, rules == 0, rules + " partition rules"));
        checks.add(BaselineProxies.verify(stack.toxiproxyApi(), stack.layout().links().stream().map(casedrill.topology.Link::name).toList()));
        checks.add(BaselineAssaults.verify(stack.layout()));
        checks.add(maintenance(databases));
        checks.add(databases.verifyLeader(status));
        checks.add(databases.verifyReplication(status));
        checks.add(caseData(databases));
        List<String> sick = status.nodes().stream().filter(n -> !n.healthy()).map(n -> n.name() + " (" + n.health() + ")").toList();
        checks.add(new BaselineCheck.Check(BaselineCheck.Rule.READY, sick.isEmpty() && problems.isEmpty(),
                sick.isEmpty() && problems.isEmpty() ? "every node ready" : String.join("; ", concat(sick, problems))));
        return checks;
    }

    private void maintenanceOff(BaselineLeader databases) {
        try {
            if (!databases.maintenance()) {
                return;
            }
        } catch (IOException unreadable) {
            // switch it off anyway: the switchover would fail under it
        }
        stack.maintenanceMode(false);
    }

    private BaselineCheck.Check maintenance(BaselineLeader databases) {
        boolean wanted = stack.variant().paused();
        try {
            boolean paused = databases.maintenance();
            return new BaselineCheck.Check(BaselineCheck.Rule.MAINTENANCE, paused == wanted,
                    "Patroni " + (paused ? "paused" : "not paused") + " (variant: " + (wanted ? "paused" : "not paused") + ")");
        } catch (IOException | RuntimeException e) {
            return new BaselineCheck.Check(BaselineCheck.Rule.MAINTENANCE, false, "Patroni unreadable: " + e.getMessage());
        }
    }

    /** Every table empty on every database member: the standbys have replayed the reset too. */
    private BaselineCheck.Check caseData(BaselineLeader databases) {
        List<String> seen = new ArrayList<>();
        boolean empty = true;
        for (var db : stack.layout().nodesOf(NodeKind.POSTGRES)) {
            try {
                Map<String, Long> counts = CaseTables.counts(stack.dbUrlFor(db.name()), stack.credentials());
                long rows = counts.values().stream().mapToLong(Long::longValue).sum();
                empty &= rows == 0 && !counts.isEmpty();
                seen.add(db.name() + ": " + (counts.isEmpty() ? "no tables" : rows + " rows in " + counts.keySet()));
            } catch (SQLException e) {
                empty = false;
                seen.add(db.name() + ": unreadable (" + e.getMessage() + ")");
            }
        }
        return new BaselineCheck.Check(BaselineCheck.Rule.CASE_DATA, empty, String.join("; ", seen));
    }

    private interface Step {
        void run() throws IOException, SQLException;
    }

    private void phase(String name, Step step) {
        long start = System.nanoTime();
        String error = null;
        try {
            step.run();
        } catch (IOException | SQLException | RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            progress.accept("baseline reset, " + name + ": " + error);
        }
        phases.add(new BaselineCheck.PhaseTime(name, (System.nanoTime() - start) / 1_000_000, error));
    }

    private void repair(BaselineCheck.Repair.Kind kind, String subject) {
        repairs.add(new BaselineCheck.Repair(kind, subject));
        progress.accept("baseline reset: " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + subject);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
