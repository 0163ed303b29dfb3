package casedrill.provider;

import casedrill.stack.StackProvider;
import casedrill.stack.containers.ContainersStackProvider;
import casedrill.stack.local.LocalStackProvider;
import casedrill.stack.remote.RemoteStackProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stack providers by name: the one place outside {@code casedrill.stack.local} that knows the implementations.
 * It sits above {@code stack} and its providers so that neither imports the other's side.
 */
public final class StackProviders {
    public static final String DEFAULT = LocalStackProvider.NAME;

    private static final Map<String, Supplier<StackProvider>> KNOWN = known();

    private StackProviders() {
    }

    private static Map<String, Supplier<StackProvider>> known() {
        Map<String, Supplier<StackProvider>> known = new LinkedHashMap<>();
        known.put(LocalStackProvider.NAME, LocalStackProvider::new);
        known.put(RemoteStackProvider.NAME, RemoteStackProvider::new);
        known.put(ContainersStackProvider.NAME, ContainersStackProvider::new);
        return Map.copyOf(known);
    }

    /** The provider called {@code name}; an unknown name is the user's mistake, named with the known ones. */
    public static StackProvider byName(String name) {
        Supplier<StackProvider> provider = KNOWN.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown stack provider '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return provider.get();
    }

    /** Known provider names, sorted. */
    public static List<String> names() {
        return KNOWN.keySet().stream().sorted().toList();
    }
}
