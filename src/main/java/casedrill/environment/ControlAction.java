package casedrill.environment;

import casedrill.topology.NodeKind;
import java.util.Locale;
import java.util.Optional;

/**
 * What node control can be asked to do, with the default command for a systemd unit. The defaults signal the
 * whole unit (every process of its cgroup), so a kill is a crash of everything the unit runs, like the local
 * provider's process-tree kill. The two one-process crashes of a database node have no default: see
 * {@link #forUnit}.
 */
public enum ControlAction {
    KILL("systemctl kill --kill-whom=all --signal=SIGKILL %s"),
    STOP("systemctl stop %s"),
    START("systemctl start %s"),
    PAUSE("systemctl kill --kill-whom=all --signal=SIGSTOP %s"),
    RESUME("systemctl kill --kill-whom=all --signal=SIGCONT %s"),
    RESTART("systemctl restart %s"),
    /** Exit 0 when the node runs (a paused unit is still active). */
    ALIVE("systemctl is-active --quiet %s"),
    /** Crash of Patroni alone; its PostgreSQL keeps running (a kill with {@code only: patroni}). */
    KILL_PATRONI(null),
    /** Crash of the PostgreSQL server (postmaster and every backend) while Patroni lives on ({@code only: postgres}). */
    KILL_POSTGRES(null);

    private final String systemdTemplate;

    ControlAction(String systemdTemplate) {
        this.systemdTemplate = systemdTemplate;
    }

    /** The key in an environment file: "kill", "stop", ..., "kill-patroni". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The default command for a node run by a systemd unit, if the action has one. The one-process crashes have none:
     * PostgreSQL runs in Patroni's unit, so no systemctl command crashes only the PostgreSQL server, and
     * {@code systemctl kill --kill-whom=main} crashes only Patroni just when the unit says {@code KillMode=process}
     * (otherwise systemd stops the rest of the cgroup, PostgreSQL included, as soon as Patroni dies). The harness cannot
     * see the unit's settings, and a drill that crashed the whole node while reporting a Patroni-only crash would be
     * worse than a refusal, so these two need commands written for the host.
     */
    public Optional<String> forUnit(String unit) {
        return Optional.ofNullable(systemdTemplate).map(t -> t.formatted(unit));
    }

    /** Whether the action means anything on a node of this kind: the one-process crashes only on postgres nodes. */
    public boolean appliesTo(NodeKind kind) {
        return systemdTemplate != null || kind == NodeKind.POSTGRES;
    }

    public static Optional<ControlAction> of(String key) {
        for (ControlAction a : values()) {
            if (a.key().equals(key)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
