package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.notation.Durations;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Split brain: two database identities (system id + timeline; a different system id or a different timeline is a
 * different primary) that both accepted writes in overlapping time. A write committed somewhere between its send
 * and its ack, so overlap is proven only when identity X acknowledged a write before a write of Y was sent and
 * another write of X was sent after that write of Y was acknowledged (X, Y, X in strict order). A clean handover,
 * however close, never matches; writes still in flight at the old primary never cause a false alarm.
 * Also split brain: two members writable in the same cluster sample ({@link WritableOverlap}), even if clients wrote to
 * only one of them. A history without samples (or with no member's answer in any) is judged on the writes alone.
 */
public final class SplitBrainChecker implements Checker {
    public static final String NAME = "split-brain";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        CheckResult clients = fromAcknowledgedWrites(history);
        List<Event.ClusterSample> samples = WritableOverlap.answered(history.all(Event.ClusterSample.class).toList());
        if (samples.isEmpty()) {
            return clients;
        }
        int primaries = clients.measured() instanceof Measured.Primaries p ? p.primaries() : WritableOverlap.everWritable(samples);
        var overlap = WritableOverlap.in(samples);
        if (overlap.isPresent()) {
            WritableOverlap o = overlap.get();
            return CheckResult.fail(NAME, new Measured.Primaries(primaries, true, o.durationMs(), o.members()),
                    String.join(" and ", o.members()) + " were writable (pg_is_in_recovery() = false) at the same time from "
                            + Durations.seconds(o.fromMs()) + " to " + Durations.seconds(o.toMs()) + " (" + Durations.seconds(o.durationMs())
                            + ", " + o.samples() + " of " + samples.size() + " samples)" + "; client writes: " + clients.explanation());
        }
        if (clients.verdict() == Verdict.FAIL) {
            return clients;
        }
        String sampled = "no two members were writable in the same sample (" + samples.size() + " samples)";
        return clients.verdict() == Verdict.PASS
                ? CheckResult.pass(NAME, clients.measured(), clients.explanation() + "; " + sampled)
                : CheckResult.pass(NAME, new Measured.Primaries(primaries, false), sampled + "; " + clients.explanation());
    }

    /** The client-side evidence: acknowledged writes of two database identities interleaved in time. */
    private static CheckResult fromAcknowledgedWrites(History history) {
        Map<String, List<Event.WriteAcked>> byPrimary = history.all(Event.WriteAcked.class)
                .filter(w -> w.systemId() != null && !w.systemId().isEmpty())
                .collect(Collectors.groupingBy(w -> w.systemId() + "/" + w.timeline(), TreeMap::new, Collectors.toList()));
        if (byPrimary.isEmpty()) {
            return CheckResult.unknown(NAME, "no acknowledged write names its database, so split brain cannot be judged");
        }
        for (var x : byPrimary.entrySet()) {
            long firstAck = x.getValue().stream().mapToLong(Event::offsetMs).min().orElseThrow();
            long lastSent = x.getValue().stream().mapToLong(Event.WriteAcked::sentOffsetMs).max().orElseThrow();
            for (var y : byPrimary.entrySet()) {
                if (x.getKey().equals(y.getKey())) {
                    continue;
                }
                for (Event.WriteAcked w : y.getValue()) {
                    if (w.sentOffsetMs() > firstAck && w.offsetMs() < lastSent) {
                        return CheckResult.fail(NAME, new Measured.Primaries(byPrimary.size(), true), "primaries " + x.getKey() + " and " + y.getKey()
                                + " both accepted writes: " + y.getKey() + " acknowledged " + w.idempotencyKey()
                                + " at " + Durations.seconds(w.offsetMs()) + " while " + x.getKey()
                                + " accepted writes from " + Durations.seconds(firstAck) + " to " + Durations.seconds(lastSent));
                    }
                }
            }
        }
        return CheckResult.pass(NAME, new Measured.Primaries(byPrimary.size(), false),
                "writes were accepted by " + String.join(", then ", byPrimary.keySet()) + " without overlap");
    }
}
