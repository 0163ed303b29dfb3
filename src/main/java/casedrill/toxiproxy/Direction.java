package casedrill.toxiproxy;

import java.util.Locale;
import java.util.Optional;

/** The way bytes flow: upstream is client → server (requests), downstream server → client. */
public enum Direction {
    UPSTREAM,
    DOWNSTREAM;

    /** Parses a stream name ignoring case, as the reference server does. */
    public static Optional<Direction> parse(String stream) {
        return switch (stream.toLowerCase(Locale.ROOT)) {
            case "upstream" -> Optional.of(UPSTREAM);
            case "downstream" -> Optional.of(DOWNSTREAM);
            default -> Optional.empty();
        };
    }
}
