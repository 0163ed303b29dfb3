package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.INTEGER;
import static casedrill.scenario.ParamSpec.required;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code limit-data}: each connection over the target's links is closed after so many bytes; the toxic comes off when healed. */
final class LimitDataToxic {
    static final FaultDefinition DEFINITION = ToxicFault.definition("limit-data", "close each connection after it carried this many bytes",
            ToxicFault.Effect.FAILS_REQUESTS,
            List.of(required("bytes", INTEGER, "bytes per connection before it is closed")),
            Params::of);

    /** The action's own {@code with:} values, which make its toxic. */
    record Params(long bytes) implements ToxicFault.Recipe {
        static Params of(Map<String, Object> with) {
            return new Params((Long) with.get("bytes"));
        }

        @Override
        public Toxic add(Proxy proxy, String name, ToxicDirection direction) throws IOException {
            return proxy.toxics().limitData(name, direction, bytes);
        }
    }

    private LimitDataToxic() {
    }
}
