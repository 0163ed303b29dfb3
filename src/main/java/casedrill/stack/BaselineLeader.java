package casedrill.stack;

import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database tier at its baseline: the bootstrap leader (the layout's first database node, in the first site) leads
 * again, every other member streams from it with no lag, synchronously when the variant replicates synchronously.
 * A leader elsewhere is moved back by a planned Patroni switchover, the way an operator would.
 */
final class BaselineLeader {
    private final RunningStack stack;
    private final Node baseline;

    BaselineLeader(RunningStack stack) {
        this.stack = stack;
        this.baseline = stack.layout().nodesOf(NodeKind.POSTGRES).get(0);
    }

    String baselineLeader() {
        return baseline.name();
    }

    /**
     * Switches over to the baseline leader when another member leads, running {@code beforeSwitchover} first; returns
     * the member it took over from.
     */
    Optional<String> restore(Duration limit, Runnable beforeSwitchover) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        // After a healed partition or a resumed node Patroni may need a few loops to agree on a leader again.
        StackStatus status = until(deadline, () -> stack.status(), s -> !s.leader().equals("none") && candidateReady(s));
        if (status.leader().equals(baseline.name())) {
            return Optional.empty();
        }
        String from = status.leader();
        beforeSwitchover.run();
        String body = JsonMapper.shared().writeValueAsString(java.util.Map.of("leader", from, "candidate", baseline.name()));
        IOException refused = null;
        while (System.nanoTime() < deadline) {
            try {
                BaselineHttp.post("http://" + baseline.endpoint("patroni") + "/switchover", body, Duration.ofSeconds(30));
                refused = null;
                break;
            } catch (IOException e) {
                // Patroni refuses a switchover while the candidate is not yet a (synchronous) standby: ask again.
                refused = e;
                pause(1000);
            }
        }
        if (refused != null) {
            throw refused;
        }
        until(deadline, () -> stack.status(), s -> s.leader().equals(baseline.name()));
        return Optional.of(from);
    }

    /** Waits (bounded) until every other member streams with no lag; the check then reads it back. */
    void awaitReplication(Duration limit) {
        until(System.nanoTime() + limit.toNanos(), () -> stack.status(), s -> verifyReplication(s).passed());
    }

    BaselineCheck.Check verifyLeader(StackStatus status) {
        return new BaselineCheck.Check(BaselineCheck.Rule.LEADER, status.leader().equals(baseline.name()),
                status.leader().equals("none") ? "no member leads" : status.leader() + " leads (baseline: " + baseline.name()
                        + " in " + baseline.site() + ")");
    }

    BaselineCheck.Check verifyReplication(StackStatus status) {
        List<StackStatus.Replica> others = status.replication().stream().filter(r -> !r.name().equals(baseline.name())).toList();
        int databases = stack.layout().nodesOf(NodeKind.POSTGRES).size();
        boolean synchronous = stack.variant().synchronous();
        boolean streaming = others.size() == databases - 1 && others.stream().allMatch(r -> streams(r) && r.lagBytes() == 0);
        boolean syncOk = !synchronous || others.isEmpty() || others.stream().anyMatch(r -> r.role().equals("sync_standby"));
        String seen = others.isEmpty() ? "no standby listed" : String.join(", ", others.stream()
                .map(r -> r.name() + " " + r.role() + " " + r.state() + " lag " + (r.lagBytes() < 0 ? "unknown" : r.lagBytes() + " B")).toList());
        return new BaselineCheck.Check(BaselineCheck.Rule.REPLICATION, streaming && syncOk, seen);
    }

    /** Patroni's cluster-wide maintenance flag as the baseline leader's REST API reports it ({@code pause} absent: off). */
    boolean maintenance() throws IOException {
        return JsonMapper.shared().readTree(BaselineHttp.get("http://" + baseline.endpoint("patroni") + "/cluster"))
                .path("pause").asBoolean(false);
    }

    /** Patroni 3.0.2 reports a streaming replica's state as "running"; later versions say "streaming". */
    private static boolean streams(StackStatus.Replica r) {
        return r.state().equals("streaming") || r.state().equals("running");
    }

    private boolean candidateReady(StackStatus s) {
        if (s.leader().equals(baseline.name())) {
            return true;
        }
        return s.replication().stream().anyMatch(r -> r.name().equals(baseline.name()) && streams(r)
                && (!stack.variant().synchronous() || r.role().equals("sync_standby")));
    }

    /** Polls until {@code done} or the deadline; returns the last reading (a status that cannot be read counts as not done). */
    private static StackStatus until(long deadline, Supplier<StackStatus> read, java.util.function.Predicate<StackStatus> done) {
        StackStatus last = null;
        while (true) {
            try {
                last = read.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // a member restarting: ask again
            }
            if (System.nanoTime() >= deadline) {
                if (last == null) {
                    throw new IllegalStateException("the stack's status could not be read");
                }
                return last;
            }
            pause(500);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting the stack", e);
        }
    }
}
