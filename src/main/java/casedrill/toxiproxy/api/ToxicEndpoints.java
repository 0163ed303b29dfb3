package casedrill.toxiproxy.api;

import casedrill.toxiproxy.Direction;
import casedrill.toxiproxy.InstalledToxic;
import casedrill.toxiproxy.Proxies;
import casedrill.toxiproxy.Proxy;
import casedrill.toxiproxy.ToxiproxyException;
import casedrill.toxiproxy.toxic.Toxic;
import casedrill.toxiproxy.toxic.ToxicRegistry;
import casedrill.toxiproxy.toxic.ToxicType;
import java.util.LinkedHashMap;
import java.util.Map;

/** /proxies/{proxy}/toxics and /proxies/{proxy}/toxics/{toxic}. */
final class ToxicEndpoints {
    private final Proxies proxies;

    ToxicEndpoints(Proxies proxies) {
        this.proxies = proxies;
    }

    ApiResponse list(String proxyName) {
        return ApiResponse.json(200, GoJson.toxics(proxies.get(proxyName).view().toxics()));
    }

    /** Checks in the reference server's order (§3.8); the first failure wins. */
    ApiResponse create(String proxyName, byte[] body) {
        Proxy proxy = proxies.get(proxyName);
        JsonBody json = JsonBody.object(body, "toxics.ToxicWrapper");
        String stream = json.string("stream", "downstream");
        String typeName = json.string("type", "");
        float toxicity = json.float32("toxicity", 1f);
        Direction direction = Direction.parse(stream).orElseThrow(() ->
                new ToxiproxyException(400, "stream was invalid, can be either upstream or downstream"));
        String name = json.string("name", "");
        if (name.isEmpty()) {
            name = typeName + "_" + stream;
        }
        ToxicType type = ToxicRegistry.byName(typeName)
                .orElseThrow(() -> new ToxiproxyException(400, "invalid toxic type"));
        if (proxy.toxic(name) != null) {
            throw new ToxiproxyException(409, "toxic already exists");
        }
        Map<String, Long> attributes = new LinkedHashMap<>();
        type.attributeKeys().forEach(k -> attributes.put(k, 0L));
        json.attributes("attributes", type.goName(), attributes);
        InstalledToxic toxic = new InstalledToxic(name, type, stream, direction, toxicity, build(type, attributes));
        proxy.addToxic(toxic);
        return ApiResponse.json(200, GoJson.toxic(toxic));
    }

    ApiResponse get(String proxyName, String toxicName) {
        return ApiResponse.json(200, GoJson.toxic(existing(proxies.get(proxyName), toxicName)));
    }

    /** Merges attributes, keeps toxicity unless given; name, type and stream cannot change. */
    ApiResponse update(String proxyName, String toxicName, byte[] body) {
        Proxy proxy = proxies.get(proxyName);
        InstalledToxic old = existing(proxy, toxicName);
        JsonBody json = JsonBody.object(body, "toxics.ToxicWrapper");
        Map<String, Long> attributes = new LinkedHashMap<>(old.toxic().attributes());
        json.attributes("attributes", old.type().goName(), attributes);
        float toxicity = json.float32("toxicity", old.toxicity());
        Toxic toxic = build(old.type(), attributes);
        return ApiResponse.json(200, GoJson.toxic(proxy.updateToxic(toxicName, t -> t.withToxic(toxic, toxicity))));
    }

    ApiResponse delete(String proxyName, String toxicName) {
        proxies.get(proxyName).removeToxic(toxicName);
        return ApiResponse.noContent();
    }

    private static InstalledToxic existing(Proxy proxy, String toxicName) {
        InstalledToxic toxic = proxy.toxic(toxicName);
        if (toxic == null) {
            throw new ToxiproxyException(404, "toxic not found");
        }
        return toxic;
    }

    private static Toxic build(ToxicType type, Map<String, Long> attributes) {
        try {
            return type.create(attributes);
        } catch (IllegalArgumentException e) {
            throw new ToxiproxyException(400, e.getMessage());
        }
    }
}
