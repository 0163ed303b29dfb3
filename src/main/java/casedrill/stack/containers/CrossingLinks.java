package casedrill.stack.containers;

import casedrill.stack.Partition;
import casedrill.stack.StackLayout;
import casedrill.topology.Link;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which link proxies cut sites apart. In containers every cross-site byte passes the link proxy (sites share no
 * network), so disabling the links whose clients sit on one side of a pair and whose server on the other cuts the
 * pair completely; it is exact unless such a link also carries a third site's clients.
 */
record CrossingLinks(StackLayout layout) {

    List<Link> crossing(List<Partition.SitePair> pairs) {
        return layout.links().stream().filter(l -> pairs.stream().anyMatch(p -> crosses(l, p))).toList();
    }

    /** Sites outside the pairs whose traffic a crossing link also carries: they would be cut too. */
    Set<String> thirdSites(List<Partition.SitePair> pairs) {
        Set<String> inPairs = pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.a(), p.b()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> third = new TreeSet<>();
        for (Link l : crossing(pairs)) {
            clientSites(l).stream().filter(s -> !inPairs.contains(s)).forEach(third::add);
        }
        return third;
    }

    private boolean crosses(Link link, Partition.SitePair pair) {
        String server = layout.node(link.to()).site();
        String other = server.equals(pair.a()) ? pair.b() : server.equals(pair.b()) ? pair.a() : null;
        return other != null && clientSites(link).contains(other);
    }

    private Set<String> clientSites(Link link) {
        return link.from().stream().map(n -> layout.node(n).site()).collect(Collectors.toCollection(TreeSet::new));
    }
}
