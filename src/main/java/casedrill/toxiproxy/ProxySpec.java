package casedrill.toxiproxy;

/** What a client asks for when creating or populating a proxy. */
public record ProxySpec(String name, String listen, String upstream, boolean enabled) {}
