package casedrill.fault;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.stack.EffectiveAt;
import casedrill.stack.StackRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The faults in effect, mirrored in the lease file. A fault is leased before it is injected (a
 * harness killed mid-inject still leaves a recoverable record) and released only after its heal is read
 * back; a heal that fails stays active and leased, with a {@code heal_failed} line in the history.
 * Injections and heals are timestamped in the history on the drill clock. Thread-safe: the timeline,
 * auto-heals and the shutdown hook all go through here.
 */
public final class ActiveFaults {
    private final LeaseFile leaseFile;
    private final Consumer<Event> history;
    private final DrillClock clock;
    private final Map<String, Fault> active = new LinkedHashMap<>();
    /** T_fault of each fault injected so far, on the drill clock: its {@code for:} counts from there. */
    private final Map<String, Long> injectedAtMs = new LinkedHashMap<>();
    private Lease lease;
    private volatile List<String> names = List.of();

    public ActiveFaults(LeaseFile leaseFile, StackRef stack, String toxiproxyApi, Consumer<Event> history, DrillClock clock) {
        this.leaseFile = leaseFile;
        this.history = history;
        this.clock = clock;
        this.lease = new Lease(stack, toxiproxyApi, List.of());
        leaseFile.write(lease);
    }

    /**
     * Leases and injects a fault. T_fault (the event's offset) is the instant the fault says it took effect, not when
     * the harness began: listing process trees or writing the lease on a loaded machine must not count as outage.
     */
    public synchronized void inject(Fault fault) {
        long requestedNanos = System.nanoTime();
        long requestedMs = clock.offsetMs();
        Undo undo = fault.lasting() ? fault.undo() : Undo.NOTHING;
        if (fault.lasting()) {
            active.put(fault.name(), fault);
            names = List.copyOf(active.keySet());
            lease = lease.with(new Lease.Entry(fault.name(), fault.action(), fault.target(),
                    clock.wallAt(clock.offsetMs()).toString(), undo));
            // What recover must reverse is on disk before the fault acts. A fault with nothing for recover to reverse
            // (a power loss: recover restarts nothing) is leased right after, so a disk busy on a loaded machine does not
            // delay it taking effect.
            if (!undo.isEmpty()) {
                leaseFile.write(lease);
            }
        }
        EffectiveAt effective;
        try {
            effective = fault.inject();
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
        if (fault.lasting() && undo.isEmpty()) {
            leaseFile.write(lease);
        }
        String outcome = fault.outcome().isEmpty() ? "" : " (" + fault.outcome() + ")";
        long effectiveMs = requestedMs + (effective == null ? 0 : effective.millisSince(requestedNanos));
        injectedAtMs.put(fault.name(), effectiveMs);
        history.accept(new Event.FaultInjected(effectiveMs, fault.action(), fault.name() + " " + fault.target() + outcome,
                fault.slowsOnly(), fault.name(), fault.lasting(), requestedMs));
    }

    /** The instant the named fault took effect (T_fault, drill clock), if it was injected. */
    public synchronized OptionalLong injectedAt(String name) {
        Long at = injectedAtMs.get(name);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /**
     * Heals one active fault; a fault that is not active (already healed) is a no-op. When the heal fails (its API
     * does not answer, the restored state does not read back) the fault stays active and leased, and this throws.
     */
    public synchronized void heal(String name) {
        Fault fault = active.get(name);
        if (fault == null) {
            return;
        }
        try {
            fault.heal();
        } catch (RuntimeException e) {
            history.accept(new Event.HealFailed(clock.offsetMs(), fault.action(), fault.name() + " " + fault.target(), fault.name(),
                    String.valueOf(e.getMessage())));
            throw e;
        }
        active.remove(name);
        names = List.copyOf(active.keySet());
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

    /** The names of the faults in effect; answers without waiting for an inject or heal that hangs on a dead server. */
    public List<String> active() {
        return names;
    }
}
