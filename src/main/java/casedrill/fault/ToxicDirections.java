package casedrill.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.ArrayList;
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

    /**
     * Removes the named toxics, then reads the proxies back; returns how many were removed. A proxy the server
     * answers it does not have holds no toxic. A server that does not answer, or a toxic still there after its
     * removal, throws: the heal did not happen.
     */
    public static int remove(ToxiproxyClient client, Map<String, List<String>> toxicsByProxy) throws IOException {
        int removed = 0;
        Map<String, Proxy> proxies = byName(client);
        for (Map.Entry<String, List<String>> e : toxicsByProxy.entrySet()) {
            Proxy proxy = proxies.get(e.getKey());
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
        List<String> left = remaining(client, toxicsByProxy);
        if (!left.isEmpty()) {
            throw new IOException("toxics " + left + " are still there after removing them");
        }
        return removed;
    }

    /** The named toxics still on their proxies, as {@code proxy/toxic}; throws when the server does not answer. */
    public static List<String> remaining(ToxiproxyClient client, Map<String, List<String>> toxicsByProxy) throws IOException {
        Map<String, Proxy> proxies = byName(client);
        List<String> left = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : toxicsByProxy.entrySet()) {
            Proxy proxy = proxies.get(e.getKey());
            if (proxy != null) {
                proxy.toxics().getAll().stream().map(Toxic::getName).filter(e.getValue()::contains)
                        .forEach(t -> left.add(e.getKey() + "/" + t));
            }
        }
        return left;
    }

    /** Every proxy of the server by name, from one answer: an unreachable server throws instead of looking empty. */
    static Map<String, Proxy> byName(ToxiproxyClient client) throws IOException {
        Map<String, Proxy> proxies = new LinkedHashMap<>();
        client.getProxies().forEach(p -> proxies.put(p.getName(), p));
        return proxies;
    }

    /** The named proxies, looked up before a fault acts on them. */
    static List<Proxy> proxies(ToxiproxyClient client, List<String> names) {
        Map<String, Proxy> all;
        try {
            all = byName(client);
        } catch (IOException e) {
            throw new FaultException("the Toxiproxy server does not answer: " + e.getMessage(), e);
        }
        List<Proxy> found = new ArrayList<>();
        for (String name : names) {
            Proxy proxy = all.get(name);
            if (proxy == null) {
                throw new FaultException("the Toxiproxy server has no proxy named '" + name + "'");
            }
            found.add(proxy);
        }
        return found;
    }
}
