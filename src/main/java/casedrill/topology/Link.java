package casedrill.topology;

import java.util.List;

/**
 * A path between sites through one Toxiproxy proxy: the {@code from} nodes connect to
 * {@code listen}, which forwards to {@code to}'s {@code port}.
 */
public record Link(String name, List<String> from, String to, String port, String listen) {
    public Link {
        from = List.copyOf(from);
    }
}
