package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.PERCENTAGE;
import static casedrill.scenario.ParamSpec.choice;
import static casedrill.scenario.ParamSpec.optional;

import casedrill.notation.Percentage;
import casedrill.scenario.FaultStep;
import casedrill.scenario.ParamSpec;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target.Kind;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A toxic-backed link fault on every proxy of the target, in the chosen directions, through the official Toxiproxy
 * client: what the six toxic actions (latency, bandwidth, reset, slicer, limit-data, slow-close) share. Each action
 * is defined in its own file ({@code LatencyToxic}, ...) with its {@code with:} keys and a typed record of them that
 * adds its toxic; the keys every toxic shares ({@code direction}, {@code toxicity}) are {@link Scope}'s.
 */
final class ToxicFault extends StepFault {
    /** Toxics that delay or throttle, or that make requests fail (reset and limit-data cut connections, so recovery sees them). */
    enum Effect { SLOWS_ONLY, FAILS_REQUESTS }

    /** Adds one toxic of an action to a proxy: the action's typed {@code with:} values. */
    interface Recipe {
        Toxic add(Proxy proxy, String name, ToxicDirection direction) throws IOException;
    }

    /** Where a toxic applies and to what share of connections: the {@code with:} keys every toxic action shares. */
    record Scope(List<ToxicDirection> directions, Percentage toxicity) {
        static final List<ParamSpec> PARAMS = List.of(
                choice("direction", false, "both", "which way: upstream (towards the link's destination), downstream, or both",
                        "upstream", "downstream", "both"),
                optional("toxicity", PERCENTAGE, "100%", "share of connections affected"));

        static Scope of(Map<String, Object> with) {
            return new Scope(ToxicDirections.of(with.get("direction")), (Percentage) with.get("toxicity"));
        }
    }

    /** A toxic action: its own {@code with:} keys come first, then the shared ones; {@code recipe} reads its own into a record. */
    static FaultDefinition definition(String id, String meaning, Effect effect, List<ParamSpec> own,
                                      Function<Map<String, Object>, Recipe> recipe) {
        List<ParamSpec> params = new ArrayList<>(own);
        params.addAll(Scope.PARAMS);
        return new DefinedAction(id, meaning, EnumSet.of(Kind.LINK, Kind.LINK_GROUP), DefinedAction.HEALED, params,
                (step, ctx) -> new ToxicFault(step, ctx, effect, recipe.apply(step.params()), Scope.of(step.params())));
    }

    private final Effect effect;
    private final Recipe recipe;
    private final Scope scope;

    private ToxicFault(FaultStep step, FaultContext ctx, Effect effect, Recipe recipe, Scope scope) {
        super(step, ctx);
        this.effect = effect;
        this.recipe = recipe;
        this.scope = scope;
    }

    @Override
    public boolean slowsOnly() {
        return effect == Effect.SLOWS_ONLY;
    }

    @Override
    public Undo undo() {
        return Undo.toxics(ToxicDirections.names(name(), StepTargets.links(step), scope.directions()));
    }

    @Override
    public EffectiveAt inject() {
        List<Proxy> proxies = ToxicDirections.proxies(ctx.toxiproxy(), StepTargets.links(step));
        EffectiveAt first = null;
        for (Proxy proxy : proxies) {
            String link = proxy.getName();
            for (ToxicDirection direction : scope.directions()) {
                String toxicName = ToxicDirections.toxicName(name(), direction);
                try {
                    EffectiveAt sent = EffectiveAt.now();
                    Toxic toxic = recipe.add(proxy, toxicName, direction);
                    first = first == null ? sent : first;
                    if (scope.toxicity().value() < 100) {
                        toxic.setToxicity((float) scope.toxicity().fraction());
                    }
                } catch (IOException e) {
                    throw new FaultException("cannot add toxic " + toxicName + " to proxy " + link + ": " + e.getMessage(), e);
                }
            }
        }
        return first == null ? EffectiveAt.now() : first;
    }

    @Override
    public void heal() {
        try {
            ToxicDirections.remove(ctx.toxiproxy(), undo().toxics());
        } catch (IOException e) {
            throw new FaultException("cannot remove the toxics of " + name() + ": " + e.getMessage(), e);
        }
    }
}
