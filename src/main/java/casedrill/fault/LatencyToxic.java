package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.DURATION;
import static casedrill.scenario.ParamSpec.optional;
import static casedrill.scenario.ParamSpec.required;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code latency}: every chunk of data on the target's links is delayed; the toxic comes off when healed. */
final class LatencyToxic {
    static final FaultDefinition DEFINITION = ToxicFault.definition("latency", "delay every chunk of data",
            ToxicFault.Effect.SLOWS_ONLY,
            List.of(required("latency", DURATION, "added delay"),
                    optional("jitter", DURATION, "0ms", "random variation, ± this much")),
            Params::of);

    /** The action's own {@code with:} values, which make its toxic. */
    record Params(Duration latency, Duration jitter) implements ToxicFault.Recipe {
        static Params of(Map<String, Object> with) {
            return new Params((Duration) with.get("latency"), (Duration) with.get("jitter"));
        }

        @Override
        public Toxic add(Proxy proxy, String name, ToxicDirection direction) throws IOException {
            return proxy.toxics().latency(name, direction, latency.toMillis()).setJitter(jitter.toMillis());
        }
    }

    private LatencyToxic() {
    }
}
