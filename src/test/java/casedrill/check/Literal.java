package casedrill.check;

import casedrill.history.Event;
import casedrill.history.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Builders for literal histories: probe runs at a fixed interval, faults, writes. */
final class Literal {
    private Literal() {}

    /** Probes of one transaction sent every {@code stepMs} in [fromMs, toMs), all with the same outcome. */
    static List<Event> probes(String tx, long fromMs, long toMs, long stepMs, Outcome outcome) {
        List<Event> events = new ArrayList<>();
        for (long t = fromMs; t < toMs; t += stepMs) {
            events.add(new Event.Probe(t, tx, outcome, outcome.ok() ? 200 : 503, 5, "app-dc1-a"));
        }
        return events;
    }

    static Event.FaultInjected fault(long atMs) {
        return new Event.FaultInjected(atMs, "node-kill", "node:pg-dc1");
    }

    /** A fault in today's format: named, in effect until its {@link #heal}. */
    static Event.FaultInjected lastingFault(long atMs, String action, String name, String target) {
        return new Event.FaultInjected(atMs, action, name + " " + target, false, name, true, atMs - 5);
    }

    static Event.FaultHealed heal(long atMs, String action, String name, String target) {
        return new Event.FaultHealed(atMs, action, name + " " + target, name);
    }

    static Event.WriteAcked ack(long sentMs, long ackMs, String key, String systemId, long timeline) {
        return new Event.WriteAcked(ackMs, sentMs, key, "case-" + key, "sha-" + key, "app-dc1-a", systemId, timeline);
    }

    static Event.Reconciled survivor(String systemId, long timeline, int acknowledged, int lost, int inDoubtPresent,
                                     int inDoubtAbsent, int duplicated) {
        return new Event.Reconciled(90_000, systemId, timeline, acknowledged, acknowledged - lost, lost, 0,
                inDoubtPresent, inDoubtAbsent, duplicated);
    }

    /**
     * A cluster sample at {@code atMs} of pg-dc1 and pg-dc2, each given as what its PostgreSQL answered: "w" writable,
     * "r" in recovery, "?" no answer in time. The leader is the first writable member, as Patroni would say.
     */
    static Event.ClusterSample sample(long atMs, String dc1, String dc2) {
        List<Event.ClusterMember> members = List.of(member("pg-dc1", dc1), member("pg-dc2", dc2));
        String leader = members.stream().filter(m -> Boolean.TRUE.equals(m.writable())).map(Event.ClusterMember::name)
                .findFirst().orElse(null);
        return new Event.ClusterSample(atMs, leader, members);
    }

    private static Event.ClusterMember member(String name, String answer) {
        return switch (answer) {
            case "w" -> new Event.ClusterMember(name, "leader", "running", 1L, null, true, null);
            case "r" -> new Event.ClusterMember(name, "sync_standby", "streaming", 1L, 0L, false, null);
            case "?" -> new Event.ClusterMember(name, null, null, null, null, null, "no answer within the sample's deadline");
            default -> throw new IllegalArgumentException("answer must be w, r or ?, but was " + answer);
        };
    }

    @SafeVarargs
    static List<Event> concat(List<? extends Event>... parts) {
        List<Event> all = new ArrayList<>();
        for (List<? extends Event> p : parts) {
            all.addAll(p);
        }
        return all;
    }
}
