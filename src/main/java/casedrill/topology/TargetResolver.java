package casedrill.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves targets against a topology; unknown names give a sentence listing the known ones. */
public final class TargetResolver {
    private final Topology topology;

    public TargetResolver(Topology topology) {
        this.topology = topology;
    }

    /** Resolves every target kind except {@code fault:}, which only the scenario can resolve. */
    public ResolvedTarget resolve(Target target) {
        if (target instanceof Target.SiteTarget s) {
            return new ResolvedTarget(target, topology.nodesOf(site(s.site(), target)), List.of(), false);
        }
        if (target instanceof Target.NodeTarget n) {
            return new ResolvedTarget(target, List.of(node(n.node(), target)), List.of(), false);
        }
        if (target instanceof Target.LinkTarget l) {
            return new ResolvedTarget(target, List.of(), List.of(link(l.link(), target)), false);
        }
        if (target instanceof Target.Wan w) {
            return wan(site(w.siteA(), target), site(w.siteB(), target), target);
        }
        if (target instanceof Target.SiteLinks sl) {
            return siteLinks(site(sl.site(), target), target);
        }
        throw new IllegalArgumentException("target '" + target.text() + "' names a fault, not a part of the stack");
    }

    private ResolvedTarget wan(String a, String b, Target target) {
        List<Link> links = new ArrayList<>();
        boolean approximate = false;
        for (Link link : topology.links().values()) {
            Set<String> sources = topology.sourceSites(link);
            String destination = topology.destinationSite(link);
            boolean aToB = sources.contains(a) && destination.equals(b);
            boolean bToA = sources.contains(b) && destination.equals(a);
            if (aToB || bToA) {
                links.add(link);
                approximate |= !Set.of(a, b).containsAll(sources);
            }
        }
        if (links.isEmpty()) {
            throw new IllegalArgumentException("target '" + target.text() + "' matches no link: sites " + a + " and " + b
                    + " are not linked in topology " + topology.name());
        }
        return new ResolvedTarget(target, List.of(), links, approximate);
    }

    private ResolvedTarget siteLinks(String site, Target target) {
        List<Link> links = new ArrayList<>();
        boolean approximate = false;
        for (Link link : topology.links().values()) {
            Set<String> sources = topology.sourceSites(link);
            boolean touches = sources.contains(site) || topology.destinationSite(link).equals(site);
            if (touches) {
                links.add(link);
                // a shared inbound link of another site also carries a third site's traffic
                approximate |= !topology.destinationSite(link).equals(site) && sources.size() > 1;
            }
        }
        if (links.isEmpty()) {
            throw new IllegalArgumentException("target '" + target.text() + "' matches no link: site " + site
                    + " has no links in topology " + topology.name());
        }
        return new ResolvedTarget(target, List.of(), links, approximate);
    }

    private String site(String name, Target target) {
        return known(topology.sites(), "site", name, target).name();
    }

    private Node node(String name, Target target) {
        return known(topology.nodes(), "node", name, target);
    }

    private Link link(String name, Target target) {
        return known(topology.links(), "link", name, target);
    }

    private static <T> T known(Map<String, T> byName, String what, String name, Target target) {
        T found = byName.get(name);
        if (found == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + name + "' in target '" + target.text()
                    + "' (known " + what + "s: " + String.join(", ", byName.keySet()) + ")");
        }
        return found;
    }
}
