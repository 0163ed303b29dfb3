package casedrill.environment;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How one node is controlled: commands run over SSH on the node's host, or command templates run locally. */
public sealed interface NodeControl {

    /** The command for an action, if the environment gives one (explicitly or through a systemd unit). */
    Optional<String> command(ControlAction action);

    /** Bound on each command; a command still running then counts as failed. */
    Duration timeout();

    record Ssh(SshTarget target, Optional<String> unit, Map<ControlAction, String> commands, Duration timeout)
            implements NodeControl {
        public Ssh {
            commands = Map.copyOf(commands);
        }

        @Override
        public Optional<String> command(ControlAction action) {
            String explicit = commands.get(action);
            return explicit != null ? Optional.of(explicit) : unit.flatMap(action::forUnit);
        }
    }

    /** Templates run on the harness's machine through {@code sh -c} (see {@link ActionCommand} for placeholders). */
    record Local(Map<ControlAction, String> commands, Duration timeout) implements NodeControl {
        public Local {
            commands = Map.copyOf(commands);
        }

        @Override
        public Optional<String> command(ControlAction action) {
            return Optional.ofNullable(commands.get(action));
        }
    }
}
