package casedrill.toxiproxy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every proxy of a server by name, sorted as the API lists them. */
public final class Proxies {
    private final Transport transport;
    private final Map<String, Proxy> byName = new TreeMap<>();

    public Proxies(Transport transport) {
        this.transport = transport;
    }

    public synchronized List<ProxyView> all() {
        return byName.values().stream().map(Proxy::view).toList();
    }

    public synchronized Proxy get(String name) {
        Proxy proxy = byName.get(name);
        if (proxy == null) {
            throw new ToxiproxyException(404, "proxy not found");
        }
        return proxy;
    }

    public synchronized Proxy create(ProxySpec spec) {
        requireFields(spec, "");
        if (byName.containsKey(spec.name())) {
            throw new ToxiproxyException(409, "proxy already exists");
        }
        Proxy proxy = new Proxy(spec.name(), spec.listen(), spec.upstream(), transport);
        if (spec.enabled()) {
            proxy.start();
        }
        byName.put(spec.name(), proxy);
        return proxy;
    }

    public synchronized void delete(String name) {
        get(name).stop();
        byName.remove(name);
    }

    /**
     * Creates or replaces proxies in order (§3.4): an existing proxy with the same resolved listen
     * and upstream is kept untouched; otherwise it is replaced by a fresh one without toxics.
     * Stops at the first failure; {@code done} then holds what was handled before it.
     */
    public synchronized void populate(List<ProxySpec> specs, List<ProxyView> done) {
        for (int i = 0; i < specs.size(); i++) {
            requireFields(specs.get(i), " at proxy " + (i + 1));
        }
        for (ProxySpec spec : specs) {
            Proxy existing = byName.get(spec.name());
            if (existing != null && unchanged(existing, spec)) {
                done.add(existing.view());
                continue;
            }
            if (existing != null) {
                existing.stop();
                byName.remove(spec.name());
            }
            done.add(create(spec).view());
        }
    }

    /** Re-enables every proxy and removes every toxic (§3.12). */
    public synchronized void reset() {
        for (Proxy proxy : byName.values()) {
            proxy.start();
            proxy.removeAllToxics();
        }
    }

    public synchronized void closeAll() {
        for (Proxy proxy : byName.values()) {
            proxy.stop();
        }
        byName.clear();
    }

    private static boolean unchanged(Proxy existing, ProxySpec spec) {
        try {
            return existing.sameListen(HostPort.parse(spec.listen()).resolved().toString())
                    && existing.upstream().equals(spec.upstream());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireFields(ProxySpec spec, String where) {
        if (spec.name() == null || spec.name().isEmpty()) {
            throw new ToxiproxyException(400, "missing required field: name" + where);
        }
        if (spec.upstream() == null || spec.upstream().isEmpty()) {
            throw new ToxiproxyException(400, "missing required field: upstream" + where);
        }
    }

}
