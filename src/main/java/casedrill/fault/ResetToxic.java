package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.DURATION;
import static casedrill.scenario.ParamSpec.optional;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code reset}: connections over the target's links are reset; the toxic comes off when healed. */
final class ResetToxic {
    static final FaultDefinition DEFINITION = ToxicFault.definition("reset", "reset connections (TCP RST) after a delay",
            ToxicFault.Effect.FAILS_REQUESTS,
            List.of(optional("after", DURATION, "0ms", "time after which each connection is reset")),
            Params::of);

    /** The action's own {@code with:} values, which make its toxic. */
    record Params(Duration after) implements ToxicFault.Recipe {
        static Params of(Map<String, Object> with) {
            return new Params((Duration) with.get("after"));
        }

        @Override
        public Toxic add(Proxy proxy, String name, ToxicDirection direction) throws IOException {
            return proxy.toxics().resetPeer(name, direction, after.toMillis());
        }
    }

    private ResetToxic() {
    }
}
