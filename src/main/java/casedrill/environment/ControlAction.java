package casedrill.environment;

import java.util.Locale;
import java.util.Optional;

/**
 * What node control can be asked to do, with the default command for a systemd unit. The defaults signal the
 * whole unit (every process of its cgroup), so a kill is a crash of everything the unit runs, like the local
 * provider's process-tree kill.
 */
public enum ControlAction {
    KILL("systemctl kill --kill-whom=all --signal=SIGKILL %s"),
    STOP("systemctl stop %s"),
    START("systemctl start %s"),
    PAUSE("systemctl kill --kill-whom=all --signal=SIGSTOP %s"),
    RESUME("systemctl kill --kill-whom=all --signal=SIGCONT %s"),
    RESTART("systemctl restart %s"),
    /** Exit 0 when the node runs (a paused unit is still active). */
    ALIVE("systemctl is-active --quiet %s");

    private final String systemdTemplate;

    ControlAction(String systemdTemplate) {
        this.systemdTemplate = systemdTemplate;
    }

    /** The key in an environment file: "kill", "stop", ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String forUnit(String unit) {
        return systemdTemplate.formatted(unit);
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
