package casedrill.stack;

/** A TCP address a drill talks to, such as the Toxiproxy API carrying the topology's links. */
public record HostPort(String host, int port) {
    public HostPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535, but was " + port + " (host " + host + ")");
        }
    }

    /** Parses {@code host:port} as the topology writes endpoints. */
    public static HostPort of(String endpoint) {
        return new HostPort(Endpoints.host(endpoint), Endpoints.port(endpoint));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
