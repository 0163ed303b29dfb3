package casedrill.drill;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.stack.BaselineCheck;
import casedrill.stack.PreparedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The history's account of the reset that preceded a drill on a prepared stack: written when the drill clock starts, at
 * the (negative) offset the verification finished, so the history shows it before anything the drill injected.
 */
final class BaselineEvent {
    private BaselineEvent() {
    }

    static Optional<Event.BaselineVerified> of(PreparedStack prepared, DrillClock clock) {
        if (prepared == null) {
            return Optional.empty();
        }
        BaselineCheck check = prepared.baseline();
        long offsetMs = Duration.between(clock.wallAt(0), Instant.parse(check.finishedAt())).toMillis();
        return Optional.of(new Event.BaselineVerified(offsetMs, check.stackId(), prepared.origin().label(), check.passed(),
                check.tookMs(),
                check.checks().stream().map(c -> new Event.BaselineItem(c.rule().name(), c.passed(), c.seen())).toList(),
                check.repairs().stream().map(r -> new Event.BaselineRepair(r.kind().name(), r.subject())).toList(),
                prepared.rejected() == null ? null : prepared.rejected().stackId()));
    }
}
