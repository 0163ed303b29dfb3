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

    @SafeVarargs
    static List<Event> concat(List<? extends Event>... parts) {
        List<Event> all = new ArrayList<>();
        for (List<? extends Event> p : parts) {
            all.addAll(p);
        }
        return all;
    }
}
