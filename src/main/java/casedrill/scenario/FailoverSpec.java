package casedrill.scenario;

import casedrill.failover.Runbook;
import java.time.Duration;
import java.util.Optional;

/**
 * How the stack is expected to fail over: {@code automatic} (Patroni and etcd decide; the harness
 * only observes) or {@code runbook} (Patroni paused; the harness runs the runbook at {@code at}).
 */
public record FailoverSpec(Mode mode, Optional<Runbook> runbook, Optional<Duration> at) {
    public enum Mode { AUTOMATIC, RUNBOOK }

    public static final FailoverSpec AUTOMATIC = new FailoverSpec(Mode.AUTOMATIC, Optional.empty(), Optional.empty());
}
