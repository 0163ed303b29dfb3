package casedrill.environment;

import java.io.PrintWriter;

/**
 * What {@code plan --provider remote} adds: every host the drill may touch and every action's exact command line,
 * and how each link's partition would be cut, so an operator can read what will run before confirming it.
 */
public final class EnvironmentPlanText {
    private EnvironmentPlanText() {
    }

    public static void print(Environment env, PrintWriter out) {
        out.println();
        out.println("Environment " + env.name() + " (" + env.source() + "), topology " + env.topology().name());
        out.println("  hosts: " + String.join(", ", env.hosts()));
        out.println("  edge: " + env.edge());
        if (!env.forbid().isEmpty()) {
            out.println("  forbidden actions: " + String.join(", ", env.forbid().stream().sorted().toList()));
        }
        env.maxBlastRadius().sites().ifPresent(n -> out.println("  at most " + n + " site(s) per fault"));
        env.maxBlastRadius().nodes().ifPresent(n -> out.println("  at most " + n + " node(s) per fault"));
        out.println("  node control:");
        for (EnvironmentNode node : env.nodes().values()) {
            out.println("    " + node.name() + " on " + node.host() + ":");
            casedrill.topology.NodeKind kind = env.topology().node(node.name()).map(casedrill.topology.Node::kind).orElse(null);
            for (ControlAction action : ControlAction.values()) {
                if (kind != null && !action.appliesTo(kind)) {
                    continue;
                }
                String line = ActionCommand.of(node, action).map(ActionCommand::text).orElse("(no command: refused)");
                out.printf("      %-8s %s%n", action.key(), line);
            }
        }
        // A site pair is cut by the template of a side that has one (exact); any other pair through the proxies of the
        // links crossing it, exact only when none of them also carries a third site (RemoteStack decides per drill).
        out.println("  partitions between sites:");
        env.partitions().values().forEach(p -> out.println("    site " + p.site() + " from {peer}, exact by template: cut `" + p.cut()
                + "`, heal `" + p.heal() + "`"));
        String byProxy = env.partitions().isEmpty() ? "every pair" : "pairs without a template on either side";
        for (LinkProxy link : env.links().values()) {
            out.println("    " + byProxy + ", link " + link.link() + ": by disabling proxy " + link.proxy() + " on " + link.toxiproxyUrl());
        }
        env.topology().links().keySet().stream().filter(l -> !env.links().containsKey(l))
                .forEach(l -> out.println("    " + l + ": no proxy named; only a partition template can cut it"));
        out.flush();
    }
}
