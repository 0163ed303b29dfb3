package casedrill.stack.recipe;

import casedrill.stack.Credentials;
import casedrill.topology.Node;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackStartException;
import java.nio.file.Path;

/** What every node recipe needs: the stack's identity, layout, options, secrets and run directory. */
public record RecipeContext(String id, Path dir, StackLayout layout, StackOptions options, Credentials credentials,
                           RunUser stackUser) {

    /** The node's own folder under the run directory: config, data and log; owned by the node's user. */
    public Path nodeDir(String node) {
        return userOf(node).ownDirectory(dir.resolve(node));
    }

    /** The user a node's unprivileged processes run as: its site's user if installed, else the stack user. */
    public RunUser userOf(String node) {
        return RunUser.forSite(layout.node(node).site(), stackUser);
    }

    public Path log(String node) {
        return dir.resolve(node).resolve(node + ".log");
    }

    /** Surfaces a start failure that is not about one node's readiness with the node named. */
    StackStartException startFailure(Node node, String problem) {
        return new StackStartException(node.name(), log(node.name()), problem);
    }

    /** {@code host:port} that {@code from} dials for {@code to}'s port (through the link proxy unless links are direct). */
    public String reach(String from, String to, String port) {
        return layout.reach(from, to, port, options.linksDirect());
    }

    /** {@code host:port} other sites use for {@code to}'s port. */
    public String advertised(String to, String port) {
        return layout.advertised(to, port, options.linksDirect());
    }

    public Node node(String name) {
        return layout.node(name);
    }

    /** Whether Patroni runs in synchronous mode: the topology asks for it and the variant is not async. */
    public boolean synchronousReplication() {
        return layout.patroni().synchronousMode() && options.variant().synchronous();
    }

    /** Patroni scope and etcd cluster token: unique per stack so two stacks never share keys. */
    public String scope() {
        return "casedrill-" + id;
    }
}
