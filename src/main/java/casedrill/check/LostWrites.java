package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The acknowledged writes a drill lost: reconciliation found them absent or altered on the surviving primary,
 * or a stale primary acknowledged them after T_fault. A primary is stale from the moment the surviving primary
 * (its system id and timeline, from the {@code reconciled} event) was first observed: its first acknowledged
 * write or a {@code leader_observed} event naming it.
 */
public final class LostWrites {
    private LostWrites() {}

    public record LostWrite(Event.WriteAcked write, String reason) {}

    public static List<LostWrite> find(History history, Event.Reconciled survivor) {
        Map<String, String> verdicts = history.all(Event.WriteReconciled.class)
                .collect(Collectors.toMap(Event.WriteReconciled::idempotencyKey, Event.WriteReconciled::verdict, (a, b) -> a));
        Set<String> lostVerdicts = Set.of("LOST", "ALTERED");
        long faultMs = history.first(Event.FaultInjected.class).map(Event::offsetMs).orElse(Long.MAX_VALUE);
        long survivorSeenMs = survivorFirstSeen(history, survivor);
        List<LostWrite> lost = new ArrayList<>();
        history.all(Event.WriteAcked.class).forEach(w -> {
            String verdict = verdicts.get(w.idempotencyKey());
            if (verdict != null && lostVerdicts.contains(verdict)) {
                lost.add(new LostWrite(w, verdict.toLowerCase()));
            } else if (w.offsetMs() >= faultMs && w.offsetMs() >= survivorSeenMs && !sameDatabase(w, survivor)) {
                lost.add(new LostWrite(w, "acknowledged by stale primary " + w.systemId() + "/" + w.timeline()));
            }
        });
        lost.sort(Comparator.comparingLong(l -> l.write().offsetMs()));
        return lost;
    }

    private static boolean sameDatabase(Event.WriteAcked w, Event.Reconciled survivor) {
        return Objects.equals(w.systemId(), survivor.systemId()) && w.timeline() == survivor.timeline();
    }

    private static long survivorFirstSeen(History history, Event.Reconciled survivor) {
        long firstAck = history.all(Event.WriteAcked.class)
                .filter(w -> sameDatabase(w, survivor))
                .mapToLong(Event::offsetMs).min().orElse(Long.MAX_VALUE);
        long firstLeader = history.all(Event.LeaderObserved.class)
                .filter(l -> Objects.equals(l.systemId(), survivor.systemId()) && l.timeline() == survivor.timeline())
                .mapToLong(Event::offsetMs).min().orElse(Long.MAX_VALUE);
        return Math.min(firstAck, firstLeader);
    }
}
