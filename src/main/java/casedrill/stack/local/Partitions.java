package casedrill.stack.local;

import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.RunUser;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.toxiproxy.ToxiproxyClients;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Cuts sites of a running stack apart and heals them. Exact with iptables rules in the stack's own
 * chain (see {@link PartitionRules}); without root or iptables, or when a shared link's client site
 * has no own user, it falls back to disabling the links' proxies and says the partition is approximate.
 */
public final class Partitions {
    private final RecipeContext ctx;

    public Partitions(RecipeContext ctx) {
        this.ctx = ctx;
    }

    /** The stack's own filter chain; short, as iptables limits chain names to 28 characters. */
    public static String chainOf(String stackId) {
        return "CASEDRILL-" + HexFormat.of().toHexDigits(stackId.hashCode());
    }

    /** Removes every rule and the chain of the stack {@code stackId}: for {@code stack down} and {@code recover}. */
    public static void cleanup(String stackId) {
        if (Iptables.available()) {
            Iptables.remove(chainOf(stackId));
        }
    }

    /**
     * Whether a partition between any of {@code sites} can be exact on this machine: root, iptables,
     * and every site's own user installed (for {@code plan}, which runs without a stack).
     */
    public static boolean exactPossible(List<String> sites) {
        return whyNotExact(sites).isEmpty();
    }

    /** Why {@link #exactPossible} does not hold, in one phrase; empty when it does. */
    public static Optional<String> whyNotExact(List<String> sites) {
        if (!Iptables.available()) {
            return Optional.of("iptables cannot be changed here (needs root and iptables)");
        }
        List<String> missing = sites.stream().map(RunUser::siteUserName).filter(u -> RunUser.lookup(u).isEmpty()).toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("site users " + missing + " do not exist (src/main/scripts/install-stack-deps.sh creates them)");
    }

    /** The rules now in the stack's chain (for status and the "nothing left" checks). */
    public static List<String> activeRules(String stackId) {
        return Iptables.available() ? Iptables.rules(chainOf(stackId)) : List.of();
    }

    public Partition cut(List<Partition.SitePair> pairs, Partition.Mode mode) {
        Partition exact = cutIfExact(pairs, mode);
        if (exact.exact()) {
            return exact;
        }
        EffectiveAt at = EffectiveAt.now();
        List<String> proxies = setProxies(pairs, false);
        return new Partition(pairs, mode, false, "approximate: disabled proxies " + proxies + " because "
                + exact.detail().substring(APPROXIMATE.length()), at);
    }

    private static final String APPROXIMATE = "approximate: ";

    /**
     * Cuts with iptables rules when that is exact; otherwise touches nothing and returns a partition
     * with {@code exact == false} whose detail says why (a drill then cuts through its own proxies).
     */
    public Partition cutIfExact(List<Partition.SitePair> pairs, Partition.Mode mode) {
        for (Partition.SitePair pair : pairs) {
            for (String site : List.of(pair.a(), pair.b())) {
                if (!ctx.layout().sites().contains(site)) {
                    throw new IllegalArgumentException("unknown site '" + site + "' in partition " + pair
                            + " (known: " + ctx.layout().sites() + ")");
                }
            }
        }
        List<String> inexact = new ArrayList<>();
        List<PartitionRules.Rule> rules = new ArrayList<>();
        for (Partition.SitePair pair : pairs) {
            PartitionRules.Cut cut = rulesFor(pair, mode);
            rules.addAll(cut.rules());
            inexact.addAll(cut.inexact());
        }
        if (!Iptables.available()) {
            inexact.add("iptables cannot be changed here (needs root)");
        }
        if (!inexact.isEmpty()) {
            return new Partition(pairs, mode, false, APPROXIMATE + String.join("; ", inexact));
        }
        String chain = chainOf(ctx.id());
        Iptables.ensureChain(chain);
        EffectiveAt first = null;
        for (PartitionRules.Rule rule : rules) {
            Iptables.append(chain, rule.args());
            // The cut begins with the first rule in: packets of that pair are dropped from now on.
            first = first == null ? EffectiveAt.now() : first;
        }
        return new Partition(pairs, mode, true, rules.size() + " iptables rules in chain " + chain, first);
    }

    /** Removes the partition's rules (or enables its proxies) and reads back that none is left; throws if one is. */
    public void heal(Partition partition) {
        if (partition.exact()) {
            String chain = chainOf(ctx.id());
            List<PartitionRules.Rule> rules = partition.sides().stream().flatMap(p -> rulesFor(p, partition.mode()).rules().stream()).toList();
            rules.forEach(r -> Iptables.delete(chain, r.args()));
            long left = rules.stream().filter(r -> Iptables.holds(chain, r.args())).count();
            if (left > 0) {
                throw new IllegalStateException(left + " of " + rules.size() + " partition rules of " + partition.sides()
                        + " are still in chain " + chain + " after deleting them");
            }
        } else {
            setProxies(partition.sides(), true);
        }
    }

    /** Heals every partition of the stack, however it was made (the CLI's heal-partitions). */
    public void healAll() {
        if (Iptables.available()) {
            Iptables.flush(chainOf(ctx.id()));
        }
        if (!ctx.options().linksDirect()) {
            setProxies(List.of(), true);
        }
    }

    private PartitionRules.Cut rulesFor(Partition.SitePair pair, Partition.Mode mode) {
        List<String> sites = ctx.layout().sites();
        return PartitionRules.of(ctx.layout(), pair, mode, this::ownUser, site -> (sites.indexOf(site) + 1) << 8,
                "casedrill " + ctx.id() + " " + pair);
    }

    /** The site's own Unix user, or null when its processes share the stack user (or the harness's). */
    private String ownUser(String site) {
        RunUser user = RunUser.forSite(site, ctx.stackUser());
        return user.name().equals(RunUser.siteUserName(site)) ? user.name() : null;
    }

    /** Enables or disables the proxies of links between the pairs (all links when {@code pairs} is empty). */
    private List<String> setProxies(List<Partition.SitePair> pairs, boolean enabled) {
        Optional<Node> server = ctx.layout().nodesOf(NodeKind.TOXIPROXY).stream().findFirst();
        if (server.isEmpty() || ctx.options().linksDirect()) {
            throw new IllegalStateException("stack " + ctx.id() + " cannot partition: no iptables and no link proxies");
        }
        ToxiproxyClient client = ToxiproxyClients.connect(server.get().address(), server.get().port("api"));
        List<String> names = new ArrayList<>();
        for (Link link : ctx.layout().links()) {
            if (pairs.isEmpty() || pairs.stream().anyMatch(p -> crosses(link, p))) {
                try {
                    Proxy proxy = client.getProxy(link.name());
                    if (enabled) {
                        proxy.enable();
                    } else {
                        proxy.disable();
                    }
                    names.add(link.name());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot " + (enabled ? "enable" : "disable") + " proxy " + link.name()
                            + " on " + server.get().endpoint("api") + ": " + e.getMessage(), e);
                }
            }
        }
        return names;
    }

    private boolean crosses(Link link, Partition.SitePair pair) {
        String to = ctx.node(link.to()).site();
        List<String> from = link.from().stream().map(n -> ctx.node(n).site()).toList();
        return (to.equals(pair.a()) && from.contains(pair.b())) || (to.equals(pair.b()) && from.contains(pair.a()));
    }
}
