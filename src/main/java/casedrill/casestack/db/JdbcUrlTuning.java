package casedrill.casestack.db;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds failover-friendly pgjdbc defaults to a URL, keeping whatever the caller already set.
 * A frozen database host still completes TCP handshakes, so only short socket timeouts bound the
 * wait; sslmode=prefer would double it by trying twice, hence sslmode=disable on loopback.
 */
public final class JdbcUrlTuning {
    static final Map<String, String> DEFAULTS = defaults();

    private JdbcUrlTuning() {
    }

    public static String tune(String url, String applicationName) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("database URL must start with jdbc:postgresql://, but was " + url);
        }
        int query = url.indexOf('?');
        String existing = query < 0 ? "" : url.substring(query + 1);
        StringBuilder tuned = new StringBuilder(url);
        char separator = query < 0 ? '?' : '&';
        Map<String, String> wanted = new LinkedHashMap<>(DEFAULTS);
        wanted.put("ApplicationName", applicationName);
        if (!isLoopback(url)) {
            wanted.remove("sslmode");
        }
        for (Map.Entry<String, String> p : wanted.entrySet()) {
            if (!hasParameter(existing, p.getKey())) {
                tuned.append(separator).append(p.getKey()).append('=').append(p.getValue());
                separator = '&';
            }
        }
        return tuned.toString();
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("connectTimeout", "2");
        d.put("socketTimeout", "5");
        d.put("loginTimeout", "3");
        d.put("tcpKeepAlive", "true");
        d.put("sslmode", "disable");
        return d;
    }

    private static boolean hasParameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.split("=", 2)[0].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String url) {
        String hosts = url.substring("jdbc:postgresql://".length()).split("[/?]", 2)[0];
        for (String host : hosts.split(",")) {
            if (!(host.startsWith("127.") || host.startsWith("localhost") || host.startsWith("[::1]"))) {
                return false;
            }
        }
        return true;
    }
}
