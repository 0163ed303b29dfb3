package casedrill.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Toxic naming and removal shared by link faults: a toxic is named {@code <fault-name>-<direction>}
 * so heal and recover remove exactly what inject added, and nothing a person added by hand.
 */
public final class ToxicDirections {
    private ToxicDirections() {
    }

    /** "upstream", "downstream" or "both" from a step's {@code direction:}. */
    static List<ToxicDirection> of(Object direction) {
        String text = direction == null ? "both" : direction.toString();
        return switch (text) {
            case "upstream" -> List.of(ToxicDirection.UPSTREAM);
            case "downstream" -> List.of(ToxicDirection.DOWNSTREAM);
            case "both" -> List.of(ToxicDirection.UPSTREAM, ToxicDirection.DOWNSTREAM);
            default -> throw new IllegalArgumentException("direction must be upstream, downstream or both, but was '" + text + "'");
        };
    }

    public static String toxicName(String fault, ToxicDirection direction) {
        return fault + "-" + direction.name().toLowerCase(Locale.ROOT);
    }

    /** The toxic names a fault adds to each of its proxies. */
    static Map<String, List<String>> names(String fault, List<String> proxies, List<ToxicDirection> directions) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        List<String> perProxy = directions.stream().map(d -> toxicName(fault, d)).toList();
        proxies.forEach(p -> names.put(p, perProxy));
        return names;
    }

    /** Removes the named toxics where present; returns how many were removed. A missing proxy counts as healed. */
    public static int remove(ToxiproxyClient client, Map<String, List<String>> toxicsByProxy) throws IOException {
        int removed = 0;
        for (Map.Entry<String, List<String>> e : toxicsByProxy.entrySet()) {
            Proxy proxy = client.getProxyOrNull(e.getKey());
            if (proxy == null) {
                continue;
            }
            for (Toxic toxic : proxy.toxics().getAll()) {
                if (e.getValue().contains(toxic.getName())) {
                    toxic.remove();
                    removed++;
                }
            }
        }
        return removed;
    }

    static Proxy proxy(ToxiproxyClient client, String name) {
        Proxy proxy = client.getProxyOrNull(name);
        if (proxy == null) {
            throw new FaultException("the Toxiproxy server has no proxy named '" + name + "'");
        }
        return proxy;
    }
}
