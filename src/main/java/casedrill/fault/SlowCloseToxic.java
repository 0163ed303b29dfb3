package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.DURATION;
import static casedrill.scenario.ParamSpec.required;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code slow-close}: closes over the target's links are passed on late; the toxic comes off when healed. */
final class SlowCloseToxic {
    static final FaultDefinition DEFINITION = ToxicFault.definition("slow-close", "delay the closing of connections",
            ToxicFault.Effect.SLOWS_ONLY,
            List.of(required("delay", DURATION, "delay before a close is passed on")),
            Params::of);

    /** The action's own {@code with:} values, which make its toxic. */
    record Params(Duration delay) implements ToxicFault.Recipe {
        static Params of(Map<String, Object> with) {
            return new Params((Duration) with.get("delay"));
        }

        @Override
        public Toxic add(Proxy proxy, String name, ToxicDirection direction) throws IOException {
            return proxy.toxics().slowClose(name, direction, delay.toMillis());
        }
    }

    private SlowCloseToxic() {
    }
}
