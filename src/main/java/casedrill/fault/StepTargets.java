package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.Target;
import java.util.List;

/** The node, link and site names a validated fault step reaches. */
final class StepTargets {
    private StepTargets() {
    }

    /** The nodes the step's action acts on (Chaos Monkey: the app nodes of its target). */
    static List<String> nodes(FaultStep step) {
        return step.resolved().map(r -> step.action().nodesActedOn(r).stream().map(Node::name).toList()).orElse(List.of());
    }

    static List<String> links(FaultStep step) {
        return step.resolved().map(r -> r.links().stream().map(Link::name).toList()).orElse(List.of());
    }

    static String site(FaultStep step) {
        if (step.target() instanceof Target.SiteTarget site) {
            return site.site();
        }
        throw new IllegalArgumentException(step.label() + " targets " + step.target().text() + ", not a site");
    }
}
