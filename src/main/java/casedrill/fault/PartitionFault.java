package casedrill.fault;

import static casedrill.scenario.ParamSpec.choice;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import casedrill.topology.Target;
import casedrill.topology.Target.Kind;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Cuts sites or links apart. {@code wan(a,b)} and {@code site-links(a)} go through the stack's exact
 * partitions (iptables rules per site user) when the stack can make them; otherwise, and for other
 * link targets, the links' proxies are cut, which is approximate for mesh traffic (etcd peers share
 * proxies). Through proxies, {@code mode: drop} blackholes data with a {@code timeout} toxic of 0 in
 * both directions (nothing arrives, connections hang); {@code mode: reject} disables the proxies
 * (connections are refused, live ones closed).
 */
final class PartitionFault extends StepFault {
    static final FaultDefinition DEFINITION = new DefinedAction("partition", "cut the links completely, both directions",
            EnumSet.of(Kind.LINK, Kind.LINK_GROUP), DefinedAction.HEALED,
            List.of(choice("mode", false, "drop", "drop: packets vanish (timeouts); reject: connections are refused or reset",
                    "drop", "reject")), (step, ctx) -> new PartitionFault(step, ctx, Params.of(step.params()))) {
        @Override
        public boolean cutsSitesExactly() {
            return true;
        }
    };

    /** {@code mode:} how the cut behaves: drop (packets vanish) or reject (connections refused). */
    record Params(Partition.Mode mode) {
        static Params of(Map<String, Object> with) {
            return new Params(Partition.Mode.of((String) with.get("mode")));
        }
    }

    private static final List<ToxicDirection> BOTH = List.of(ToxicDirection.UPSTREAM, ToxicDirection.DOWNSTREAM);

    private final Params params;
    private volatile Partition exact;
    private volatile String outcome = "";

    private PartitionFault(FaultStep step, FaultContext ctx, Params params) {
        super(step, ctx);
        this.params = params;
    }

    private boolean rejecting() {
        return params.mode() == Partition.Mode.REJECT;
    }

    /** The site pairs a wan or site-links target cuts; empty for link targets. */
    private List<Partition.SitePair> sitePairs() {
        if (step.target() instanceof Target.Wan wan) {
            return List.of(new Partition.SitePair(wan.siteA(), wan.siteB()));
        }
        if (step.target() instanceof Target.SiteLinks links) {
            return ctx.nodes().sites().stream().filter(s -> !s.equals(links.site())).map(s -> new Partition.SitePair(links.site(), s)).toList();
        }
        return List.of();
    }

    @Override
    public Undo undo() {
        List<String> links = StepTargets.links(step);
        Undo proxies = rejecting() ? Undo.disabledProxies(links) : Undo.toxics(ToxicDirections.names(name(), links, BOTH));
        if (sitePairs().isEmpty()) {
            return proxies;
        }
        // Whether the cut will be exact is known only at inject: lease every way of undoing it. A stack may cut
        // exactly by disabling the crossing links' proxies (the remote provider does), whatever the mode.
        Undo either = proxies.withDisabledProxies(links);
        return ctx.nodes().partitionRulesOwner().map(either::withPartitionRules).orElse(either);
    }

    @Override
    public EffectiveAt inject() {
        List<Partition.SitePair> pairs = sitePairs();
        if (!pairs.isEmpty()) {
            Partition cut = ctx.nodes().partitionExactly(pairs, params.mode());
            if (cut.exact()) {
                exact = cut;
                outcome = "exact: " + cut.detail();
                return cut.effectiveAt() != null ? cut.effectiveAt() : EffectiveAt.now();
            }
            outcome = cut.detail() + "; cut through the link proxies instead";
        }
        return cutProxies();
    }

    /** How the cut was made: "exact: ..." or "approximate: ..." for wan and site-links targets. */
    @Override
    public String outcome() {
        return outcome;
    }

    /** Cuts every proxy of the target, looked up first; returns when the first change was sent. */
    private EffectiveAt cutProxies() {
        List<Proxy> proxies = ToxicDirections.proxies(ctx.toxiproxy(), StepTargets.links(step));
        EffectiveAt first = EffectiveAt.now();
        for (Proxy proxy : proxies) {
            String link = proxy.getName();
            try {
                if (rejecting()) {
                    proxy.disable();
                } else {
                    for (ToxicDirection direction : BOTH) {
                        proxy.toxics().timeout(ToxicDirections.toxicName(name(), direction), direction, 0);
                    }
                }
            } catch (IOException e) {
                throw new FaultException("cannot cut proxy " + link + ": " + e.getMessage(), e);
            }
        }
        return first;
    }

    @Override
    public void heal() {
        Partition cut = exact;
        if (cut != null) {
            ctx.nodes().heal(cut);
            exact = null;
            return;
        }
        try {
            if (rejecting()) {
                ProxySwitch.enable(ctx.toxiproxy(), StepTargets.links(step));
            } else {
                ToxicDirections.remove(ctx.toxiproxy(), undo().toxics());
            }
        } catch (IOException e) {
            throw new FaultException("cannot heal partition " + name() + ": " + e.getMessage(), e);
        }
    }
}
