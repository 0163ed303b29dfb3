package casedrill.stack;

import casedrill.notation.Durations;
import java.util.List;
import java.util.Optional;

/**
 * What the verified reset of a running stack found, did and then saw: each baseline check with pass or fail and what
 * was read back, the repairs it made on the way, and how long each phase took. A drill on a reused stack starts only
 * from a baseline that {@link #passed()}, and its result carries this value.
 *
 * @param stackId    the stack that was reset
 * @param passed     every check passed
 * @param checks     one per baseline rule, in the order they were read back
 * @param repairs    what the reset changed (empty when the stack was at its baseline already)
 * @param phases     the reset's phases in order, with their times
 * @param tookMs     the whole reset and verification
 * @param finishedAt UTC instant (ISO-8601) the verification was read back
 */
public record BaselineCheck(String stackId, boolean passed, List<Check> checks, List<Repair> repairs, List<PhaseTime> phases,
                            long tookMs, String finishedAt) {
    public BaselineCheck {
        checks = List.copyOf(checks);
        repairs = List.copyOf(repairs);
        phases = List.copyOf(phases);
    }

    /** The rules of a stack's baseline. */
    public enum Rule {
        PROCESSES, PARTITIONS, PROXIES, ASSAULTS, MAINTENANCE, LEADER, REPLICATION, CASE_DATA, READY
    }

    /** One rule as read back: {@code seen} says what was there ("pg-dc2 leads", "0 rules"). */
    public record Check(Rule rule, boolean passed, String seen) {
    }

    /** Something the reset changed; {@code subject} names the node, proxy, link or table. */
    public record Repair(Kind kind, String subject) {
        public enum Kind {
            PARTITION_HEALED, TOXIC_REMOVED, PROXY_ENABLED, NODE_RESUMED, NODE_STARTED, ASSAULT_STOPPED, MAINTENANCE_SET,
            LEADER_SWITCHED, CASES_REMOVED
        }
    }

    /** A phase of the reset and how long it took; {@code error} says why it stopped early (null when it completed). */
    public record PhaseTime(String phase, long ms, String error) {
    }

    public Optional<Check> check(Rule rule) {
        return checks.stream().filter(c -> c.rule() == rule).findFirst();
    }

    /** One line: "baseline verified in 12.3 s (9 checks, 4 repairs)" or the failed checks with what was seen. */
    public String describe() {
        String took = Durations.seconds(tookMs);
        if (passed) {
            return "baseline verified in " + took + " (" + checks.size() + " checks, " + repairs.size() + " repairs)";
        }
        return "baseline NOT verified after " + took + ": " + String.join("; ", checks.stream().filter(c -> !c.passed())
                .map(c -> c.rule().name().toLowerCase(java.util.Locale.ROOT) + ": " + c.seen()).toList());
    }
}
