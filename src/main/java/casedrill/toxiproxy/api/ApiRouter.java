package casedrill.toxiproxy.api;

import casedrill.toxiproxy.Proxies;
import casedrill.toxiproxy.ToxiproxyException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Exact-path routing as the reference server does it: unknown paths (trailing slash included) are
 * 404, a known path with the wrong method 405, and only routed endpoints refuse browsers.
 */
final class ApiRouter {
    private final ProxyEndpoints proxies;
    private final ToxicEndpoints toxics;

    ApiRouter(Proxies registry) {
        this.proxies = new ProxyEndpoints(registry);
        this.toxics = new ToxicEndpoints(registry);
    }

    ApiResponse handle(String method, String rawPath, String userAgent, byte[] body) {
        List<String> path = segments(rawPath);
        if (path == null) {
            return ApiResponse.notFound();
        }
        Endpoint endpoint = route(method, path);
        if (endpoint == null) {
            return ApiResponse.notFound();
        }
        if (endpoint == Endpoint.WRONG_METHOD) {
            return ApiResponse.methodNotAllowed();
        }
        if (userAgent != null && userAgent.startsWith("Mozilla/")) {
            return ApiResponse.browserRefused();
        }
        try {
            return endpoint.call(body);
        } catch (ToxiproxyException e) {
            return ApiResponse.error(e);
        } catch (RuntimeException e) {
            return ApiResponse.error(new ToxiproxyException(500, String.valueOf(e.getMessage())));
        }
    }

    /** What a request resolves to: a call, or null for an unknown path. */
    @FunctionalInterface
    private interface Endpoint {
        Endpoint WRONG_METHOD = body -> ApiResponse.methodNotAllowed();

        ApiResponse call(byte[] body);
    }

    private Endpoint route(String method, List<String> p) {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        boolean update = post || method.equals("PATCH");
        boolean delete = method.equals("DELETE");
        switch (p.size()) {
            case 1 -> {
                switch (p.get(0)) {
                    case "version" -> {
                        return get ? body -> version() : Endpoint.WRONG_METHOD;
                    }
                    case "proxies" -> {
                        return get ? body -> proxies.list() : post ? proxies::create : Endpoint.WRONG_METHOD;
                    }
                    case "populate" -> {
                        return post ? proxies::populate : Endpoint.WRONG_METHOD;
                    }
                    case "reset" -> {
                        return post ? body -> proxies.reset() : Endpoint.WRONG_METHOD;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            case 2 -> {
                if (!p.get(0).equals("proxies")) {
                    return null;
                }
                String proxy = p.get(1);
                return get ? body -> proxies.get(proxy)
                        : update ? body -> proxies.update(proxy, body)
                        : delete ? body -> proxies.delete(proxy)
                        : Endpoint.WRONG_METHOD;
            }
            case 3 -> {
                if (!p.get(0).equals("proxies") || !p.get(2).equals("toxics")) {
                    return null;
                }
                String proxy = p.get(1);
                return get ? body -> toxics.list(proxy) : post ? body -> toxics.create(proxy, body) : Endpoint.WRONG_METHOD;
            }
            case 4 -> {
                if (!p.get(0).equals("proxies") || !p.get(2).equals("toxics")) {
                    return null;
                }
                String proxy = p.get(1);
                String toxic = p.get(3);
                return get ? body -> toxics.get(proxy, toxic)
                        : update ? body -> toxics.update(proxy, toxic, body)
                        : delete ? body -> toxics.delete(proxy, toxic)
                        : Endpoint.WRONG_METHOD;
            }
            default -> {
                return null;
            }
        }
    }

    private static ApiResponse version() {
        return new ApiResponse(200, "application/json;charset=utf-8",
                "{\"version\": \"" + ToxiproxyServer.VERSION + "\"}\n", true);
    }

    /** Decoded, non-empty path segments; null when the path has an empty one (e.g. a trailing slash). */
    private static List<String> segments(String rawPath) {
        int query = rawPath.indexOf('?');
        String path = query < 0 ? rawPath : rawPath.substring(0, query);
        if (!path.startsWith("/") || path.length() == 1) {
            return null;
        }
        String[] parts = path.substring(1).split("/", -1);
        if (Arrays.stream(parts).anyMatch(String::isEmpty)) {
            return null;
        }
        try {
            return Arrays.stream(parts).map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
