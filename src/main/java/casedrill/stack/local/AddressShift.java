package casedrill.stack.local;

import casedrill.stack.Endpoints;
import casedrill.stack.StackLayout;
import casedrill.topology.Link;
import casedrill.topology.Node;
import java.util.List;

/** Local stacks live on 127.x addresses; a shift moves a whole layout so that two stacks can run side by side. */
public final class AddressShift {
    private AddressShift() {
    }

    /**
     * {@code layout} with every address moved by {@code delta} in its third octet (127.0.1.11 with
     * delta 100 becomes 127.0.101.11), so a test stack cannot collide with a stack someone runs.
     */
    public static StackLayout shifted(StackLayout layout, int delta) {
        List<Node> movedNodes = layout.nodes().stream()
                .map(n -> new Node(n.name(), n.kind(), n.site(), shift(n.address(), delta), n.ports())).toList();
        List<Link> movedLinks = layout.links().stream().map(l -> new Link(l.name(), l.from(), l.to(), l.port(),
                shift(Endpoints.host(l.listen()), delta) + ":" + Endpoints.port(l.listen()))).toList();
        return new StackLayout(layout.topology(), movedNodes, movedLinks, layout.patroni());
    }

    private static String shift(String address, int delta) {
        String[] octets = address.split("\\.");
        int third = octets.length == 4 ? Integer.parseInt(octets[2]) + delta : -1;
        if (!octets[0].equals("127") || third < 0 || third > 255) {
            throw new IllegalArgumentException("cannot shift address " + address + " by " + delta + " within 127.0.0.0/8");
        }
        return octets[0] + "." + octets[1] + "." + third + "." + octets[3];
    }
}
