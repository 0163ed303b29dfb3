package casedrill.toxiproxy.api;

import casedrill.toxiproxy.Proxies;
import casedrill.toxiproxy.Proxy;
import casedrill.toxiproxy.ProxySpec;
import casedrill.toxiproxy.ProxyView;
import casedrill.toxiproxy.ToxiproxyException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** /proxies, /proxies/{proxy}, /populate and /reset. */
final class ProxyEndpoints {
    private final Proxies proxies;

    ProxyEndpoints(Proxies proxies) {
        this.proxies = proxies;
    }

    ApiResponse list() {
        return ApiResponse.json(200, GoJson.proxies(proxies.all()));
    }

    ApiResponse create(byte[] body) {
        ProxySpec spec = spec(JsonBody.object(body, "proxy.Proxy"));
        return ApiResponse.json(201, GoJson.proxy(proxies.create(spec).view()));
    }

    ApiResponse get(String name) {
        return ApiResponse.json(200, GoJson.proxy(proxies.get(name).view()));
    }

    ApiResponse update(String name, byte[] body) {
        Proxy proxy = proxies.get(name);
        JsonBody json = JsonBody.object(body, "proxy.Proxy");
        proxy.update(json.string("listen", proxy.listen()), json.string("upstream", proxy.upstream()),
                json.bool("enabled", proxy.enabled()));
        return ApiResponse.json(200, GoJson.proxy(proxy.view()));
    }

    ApiResponse delete(String name) {
        proxies.delete(name);
        return ApiResponse.noContent();
    }

    ApiResponse populate(byte[] body) {
        List<ProxyView> done = new ArrayList<>();
        try {
            proxies.populate(specs(JsonBody.parse(body)), done);
            return ApiResponse.json(201, GoJson.populate(null, 0, done));
        } catch (ToxiproxyException e) {
            return ApiResponse.json(e.status(), GoJson.populate(e.getMessage(), e.status(), done));
        }
    }

    ApiResponse reset() {
        proxies.reset();
        return ApiResponse.noContent();
    }

    /** A /populate body or a -config file: a JSON array of proxies. */
    static List<ProxySpec> specs(JsonNode array) {
        if (!array.isArray()) {
            throw JsonBody.badBody("json: cannot unmarshal " + array.getNodeType().name().toLowerCase()
                    + " into Go value of type []proxy.Proxy");
        }
        List<ProxySpec> specs = new ArrayList<>();
        for (JsonNode element : array.values()) {
            specs.add(spec(JsonBody.of(element, "proxy.Proxy")));
        }
        return specs;
    }

    private static ProxySpec spec(JsonBody json) {
        return new ProxySpec(json.string("name", ""), json.string("listen", ""),
                json.string("upstream", ""), json.bool("enabled", true));
    }
}
