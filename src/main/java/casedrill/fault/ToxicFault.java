package casedrill.fault;

import casedrill.notation.Percentage;
import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.List;

/**
 * A toxic-backed link fault (latency, bandwidth, reset, slicer, limit-data, slow-close) on every
 * proxy of the target, in the chosen directions, through the official Toxiproxy client.
 */
final class ToxicFault extends StepFault {
    private final ToxicRecipe recipe;

    ToxicFault(FaultStep step, FaultContext ctx, ToxicRecipe recipe) {
        super(step, ctx);
        this.recipe = recipe;
    }

    /** Adds one toxic of this action to a proxy. */
    @FunctionalInterface
    interface ToxicRecipe {
        Toxic add(Proxy proxy, String name, ToxicDirection direction, FaultStep step) throws IOException;
    }

    /** Toxics that delay or throttle; reset and limit-data cut connections, so requests fail and recovery sees them. */
    @Override
    public boolean slowsOnly() {
        return switch (step.action()) {
            case LATENCY, BANDWIDTH, SLICER, SLOW_CLOSE -> true;
            default -> false;
        };
    }

    @Override
    public Undo undo() {
        return Undo.toxics(ToxicDirections.names(name(), StepTargets.links(step), directions()));
    }

    @Override
    public EffectiveAt inject() {
        List<Proxy> proxies = ToxicDirections.proxies(ctx.toxiproxy(), StepTargets.links(step));
        EffectiveAt first = null;
        for (Proxy proxy : proxies) {
            String link = proxy.getName();
            for (ToxicDirection direction : directions()) {
                String toxicName = ToxicDirections.toxicName(name(), direction);
                try {
                    EffectiveAt sent = EffectiveAt.now();
                    Toxic toxic = recipe.add(proxy, toxicName, direction, step);
                    first = first == null ? sent : first;
                    Object toxicity = step.params().get("toxicity");
                    if (toxicity instanceof Percentage p && p.value() < 100) {
                        toxic.setToxicity((float) p.fraction());
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

    private List<ToxicDirection> directions() {
        return ToxicDirections.of(step.params().get("direction"));
    }
}
