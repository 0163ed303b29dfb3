package casedrill.toxiproxy.toxic;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Toxic types by their API name. */
public final class ToxicRegistry {
    private static final Map<String, ToxicType> TYPES = Stream.of(
                    LatencyToxic.TYPE,
                    BandwidthToxic.TYPE,
                    SlowCloseToxic.TYPE,
                    TimeoutToxic.TYPE,
                    ResetPeerToxic.TYPE,
                    SlicerToxic.TYPE,
                    LimitDataToxic.TYPE,
                    NoopToxic.TYPE)
            .collect(Collectors.toUnmodifiableMap(ToxicType::name, Function.identity()));

    private ToxicRegistry() {}

    public static Optional<ToxicType> byName(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }
}
