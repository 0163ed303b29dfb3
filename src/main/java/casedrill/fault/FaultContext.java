package casedrill.fault;

import eu.rekawek.toxiproxy.ToxiproxyClient;

/**
 * Everything faults act through: the stack's Toxiproxy server (any Toxiproxy server works, through
 * the official client), its node control, HTTP for actuators and Patroni, and the drill's own
 * healer for {@code heal} steps.
 */
public record FaultContext(ToxiproxyClient toxiproxy, NodeOperations nodes, JsonHttp http, FaultHealer healer) {
    /** Heals an earlier fault of the same drill by name. */
    @FunctionalInterface
    public interface FaultHealer {
        void heal(String faultName);
    }
}
