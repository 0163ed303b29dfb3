package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.BYTE_RATE;
import static casedrill.scenario.ParamSpec.required;

import casedrill.notation.ByteRate;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code bandwidth}: the target's links carry at most a given rate; the toxic comes off when healed. */
final class BandwidthToxic {
    static final FaultDefinition DEFINITION = ToxicFault.definition("bandwidth", "limit throughput; 0KB/s stalls the link until healed",
            ToxicFault.Effect.SLOWS_ONLY,
            List.of(required("rate", BYTE_RATE, "bytes per second (1 KB = 1000 bytes)")),
            Params::of);

    /** The action's own {@code with:} values, which make its toxic. */
    record Params(ByteRate rate) implements ToxicFault.Recipe {
        static Params of(Map<String, Object> with) {
            return new Params((ByteRate) with.get("rate"));
        }

        @Override
        public Toxic add(Proxy proxy, String name, ToxicDirection direction) throws IOException {
            return proxy.toxics().bandwidth(name, direction, rate.kilobytesPerSecond());
        }
    }

    private BandwidthToxic() {
    }
}
