package casedrill.scenario;

import casedrill.topology.Node;
import casedrill.topology.ResolvedTarget;
import casedrill.topology.Target;
import casedrill.topology.Target.Kind;
import casedrill.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a scenario needs to know of one fault action: its name, what it means, the targets it accepts, whether it can
 * be healed (and so may carry {@code for:} or be named by {@code heal}), its {@code with:} keys, and the checks only
 * it makes. Each action is defined once, in its file of {@code casedrill.fault}, which also injects and heals it;
 * this package sits below {@code fault}, so the loader receives the actions through a {@link FaultCatalogue}.
 */
public interface FaultAction {
    /** The name a scenario writes after {@code action:}. */
    String id();

    /** One line for scenarios/README.md's table. */
    String meaning();

    Set<Kind> targets();

    /** Whether the fault stays in effect until healed (so {@code for:} and {@code heal} apply). */
    boolean healable();

    /** The {@code with:} keys, in the order the README lists them. */
    List<ParamSpec> params();

    default Optional<ParamSpec> param(String name) {
        return params().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    default boolean actsOnLinks() {
        return targets().contains(Kind.LINK);
    }

    /** The action this one undoes while it is in effect (resume undoes pause), if any. */
    default Optional<String> undoes() {
        return Optional.empty();
    }

    /** The nodes of a resolved target the action acts on: all of them unless the action picks some. */
    default List<Node> nodesActedOn(ResolvedTarget resolved) {
        return resolved.nodes();
    }

    /** Whether a {@code wan(a,b)} or {@code site-links(a)} target is cut through the stack's exact partitions when it can. */
    default boolean cutsSitesExactly() {
        return false;
    }

    /**
     * Why this action may not act on the resolved target, given the {@code with:} keys the file names; empty when it may.
     * The reason is a sentence fragment reported at the step's {@code target}.
     */
    default Optional<String> refusal(Target target, ResolvedTarget resolved, Topology topology, Set<String> given) {
        return Optional.empty();
    }

    /**
     * The step's typed {@code with:} values (defaults filled in) as the step keeps them, once each key has been parsed;
     * throws {@link IllegalArgumentException} when they do not fit together, with a message reported at {@code with}.
     */
    default Map<String, Object> settle(Map<String, Object> values, Set<String> given) {
        return values;
    }

    /** "a postgres", "an app": how refusals name a node's kind. */
    static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
