package casedrill.scenario;

import java.util.List;
import java.util.Optional;

/**
 * Every fault action a scenario may use, by name. {@code fault.FaultRegistry} is the catalogue; it is handed to the
 * loader by the commands above it, because this package may not import {@code fault}.
 */
public interface FaultCatalogue {
    Optional<FaultAction> action(String id);

    /** Every action, in the order scenarios/README.md and scenario.schema.json list them. */
    List<FaultAction> actions();
}
