package casedrill.stack;

import java.util.List;

/** A link between sites: one Toxiproxy proxy listening on {@code listenHost:listenPort}, forwarding to a node's port. */
public record LinkSpec(String name, List<String> from, String to, String port, String listenHost, int listenPort) {
    public LinkSpec {
        from = List.copyOf(from);
    }

    public String listen() {
        return listenHost + ":" + listenPort;
    }
}
