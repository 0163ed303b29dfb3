package casedrill.stack;

/** {@code host:port} strings, as the topology writes link listen addresses. */
public final class Endpoints {
    private Endpoints() {
    }

    public static String host(String endpoint) {
        return endpoint.substring(0, colon(endpoint));
    }

    public static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(colon(endpoint) + 1));
    }

    private static int colon(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a host:port endpoint: '" + endpoint + "'");
        }
        return colon;
    }
}
