package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.DURATION;
import static casedrill.scenario.ParamSpec.Type.INTEGER;
import static casedrill.scenario.ParamSpec.optional;
import static casedrill.scenario.ParamSpec.required;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code slicer}: data over the target's links arrives in small, delayed chunks; the toxic comes off when healed. */
final class SlicerToxic {
    static final FaultDefinition DEFINITION = ToxicFault.definition("slicer", "split data into small chunks with delays between them",
            ToxicFault.Effect.SLOWS_ONLY,
            List.of(required("averageSize", INTEGER, "average chunk size in bytes"),
                    optional("sizeVariation", INTEGER, "0", "chunk size variation in bytes"),
                    optional("delay", DURATION, "0us", "delay between chunks")),
            Params::of);

    /** The action's own {@code with:} values, which make its toxic. */
    record Params(long averageSize, long sizeVariation, Duration delay) implements ToxicFault.Recipe {
        static Params of(Map<String, Object> with) {
            return new Params((Long) with.get("averageSize"), (Long) with.get("sizeVariation"), (Duration) with.get("delay"));
        }

        @Override
        public Toxic add(Proxy proxy, String name, ToxicDirection direction) throws IOException {
            return proxy.toxics().slicer(name, direction, averageSize, delay.toNanos() / 1_000).setSizeVariation(sizeVariation);
        }
    }

    private SlicerToxic() {
    }
}
