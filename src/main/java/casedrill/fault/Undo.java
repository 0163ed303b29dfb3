package casedrill.fault;

import java.util.List;
import java.util.Map;

/**
 * What a recovery has to reverse for one fault, from the lease file alone.
 *
 * @param toxics          toxic names per proxy, exactly the ones inject adds
 * @param disabledProxies proxies inject disables (partition with mode reject)
 * @param pausedNodes     nodes inject freezes with SIGSTOP
 * @param assaultUrls     actuator base URLs of app nodes whose Chaos Monkey inject enables
 * @param partitionStack  id of the stack whose iptables partition rules inject may add (null: none);
 *                        recover removes that stack's whole chain, which only partitions use
 */
public record Undo(Map<String, List<String>> toxics, List<String> disabledProxies, List<String> pausedNodes,
                   List<String> assaultUrls, String partitionStack) {
    public static final Undo NOTHING = new Undo(Map.of(), List.of(), List.of(), List.of(), null);

    public Undo {
        toxics = toxics == null ? Map.of() : Map.copyOf(toxics);
        disabledProxies = disabledProxies == null ? List.of() : List.copyOf(disabledProxies);
        pausedNodes = pausedNodes == null ? List.of() : List.copyOf(pausedNodes);
        assaultUrls = assaultUrls == null ? List.of() : List.copyOf(assaultUrls);
    }

    public static Undo toxics(Map<String, List<String>> toxics) {
        return new Undo(toxics, List.of(), List.of(), List.of(), null);
    }

    public static Undo disabledProxies(List<String> proxies) {
        return new Undo(Map.of(), proxies, List.of(), List.of(), null);
    }

    public static Undo paused(List<String> nodes) {
        return new Undo(Map.of(), List.of(), nodes, List.of(), null);
    }

    public static Undo assaults(List<String> urls) {
        return new Undo(Map.of(), List.of(), List.of(), urls, null);
    }

    /** The same, plus these proxies to enable again (without repeating one already listed). */
    public Undo withDisabledProxies(List<String> proxies) {
        List<String> all = new java.util.ArrayList<>(disabledProxies);
        proxies.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new Undo(toxics, all, pausedNodes, assaultUrls, partitionStack);
    }

    /** The same, plus the partition rules of stack {@code stackId}. */
    public Undo withPartitionRules(String stackId) {
        return new Undo(toxics, disabledProxies, pausedNodes, assaultUrls, stackId);
    }

    public boolean isEmpty() {
        return toxics.isEmpty() && disabledProxies.isEmpty() && pausedNodes.isEmpty() && assaultUrls.isEmpty()
                && partitionStack == null;
    }
}
