package casedrill.toxiproxy;

import casedrill.toxiproxy.toxic.Toxic;
import casedrill.toxiproxy.toxic.ToxicType;

/** A toxic as installed on a proxy: its identity, direction and toxicity around the behaviour. */
public record InstalledToxic(String name, ToxicType type, String stream, Direction direction, float toxicity, Toxic toxic) {
    public InstalledToxic withToxic(Toxic newToxic, float newToxicity) {
        return new InstalledToxic(name, type, stream, direction, newToxicity, newToxic);
    }
}
