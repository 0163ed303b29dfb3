package casedrill.fault;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The faults in effect, mirrored in the lease file. A fault is leased before it is injected (a
 * harness killed mid-inject still leaves a recoverable record) and released after it is healed.
 * Injections and heals are timestamped in the history on the drill clock. Thread-safe: the timeline,
 * auto-heals and the shutdown hook all go through here.
 */
public final class ActiveFaults {
    private final LeaseFile leaseFile;
    private final Consumer<Event> history;
    private final DrillClock clock;
    private final Map<String, Fault> active = new LinkedHashMap<>();
    private Lease lease;

    public ActiveFaults(LeaseFile leaseFile, String stackDir, String toxiproxyApi, Consumer<Event> history, DrillClock clock) {
        this.leaseFile = leaseFile;
        this.history = history;
        this.clock = clock;
        this.lease = new Lease(stackDir, toxiproxyApi, List.of());
        leaseFile.write(lease);
    }

    public synchronized void inject(Fault fault) {
        // T_fault is when injecting began: a switchover takes seconds to return, and requests fail during it.
        long startedMs = clock.offsetMs();
        if (fault.lasting()) {
            active.put(fault.name(), fault);
            lease = lease.with(new Lease.Entry(fault.name(), fault.action(), fault.target(),
                    clock.wallAt(clock.offsetMs()).toString(), fault.undo()));
            leaseFile.write(lease);
        }
        try {
            fault.inject();
        } catch (RuntimeException e) {
            // Half an injection (two of four proxies cut) must not outlive the error.
            if (fault.lasting()) {
                try {
                    heal(fault.name());
                } catch (RuntimeException healFailure) {
                    e.addSuppressed(healFailure);
                }
            }
            throw e;
        }
        String outcome = fault.outcome().isEmpty() ? "" : " (" + fault.outcome() + ")";
        history.accept(new Event.FaultInjected(startedMs, fault.action(), fault.name() + " " + fault.target() + outcome,
                fault.slowsOnly(), fault.name(), fault.lasting(), startedMs));
    }

    /** Heals one active fault; a fault that is not active (already healed) is a no-op. */
    public synchronized void heal(String name) {
        Fault fault = active.get(name);
        if (fault == null) {
            return;
        }
        fault.heal();
        active.remove(name);
        lease = lease.without(name);
        leaseFile.write(lease);
        history.accept(new Event.FaultHealed(clock.offsetMs(), fault.action(), fault.name() + " " + fault.target(), fault.name()));
    }

    /** Heals every active fault, latest first; returns one message per fault that could not be healed. */
    public synchronized List<String> healAll() {
        List<String> failures = new ArrayList<>();
        List<String> names = new ArrayList<>(active.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                heal(names.get(i));
            } catch (RuntimeException e) {
                failures.add("heal of " + names.get(i) + " failed: " + e.getMessage());
            }
        }
        return failures;
    }

    public synchronized List<String> active() {
        return List.copyOf(active.keySet());
    }
}
