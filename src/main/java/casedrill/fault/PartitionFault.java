package casedrill.fault;

import casedrill.scenario.FaultStep;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.List;

/**
 * Cuts links through their proxies (exact site partitions are a later issue, so plans call this
 * approximate). {@code mode: drop} blackholes data with a {@code timeout} toxic of 0 in both
 * directions (nothing arrives, connections hang); {@code mode: reject} disables the proxies
 * (connections are refused, live ones closed).
 */
final class PartitionFault extends StepFault {
    PartitionFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    private static final List<ToxicDirection> BOTH = List.of(ToxicDirection.UPSTREAM, ToxicDirection.DOWNSTREAM);

    private boolean rejecting() {
        return "reject".equals(String.valueOf(step.params().get("mode")));
    }

    @Override
    public Undo undo() {
        List<String> links = StepTargets.links(step);
        return rejecting() ? Undo.disabledProxies(links) : Undo.toxics(ToxicDirections.names(name(), links, BOTH));
    }

    @Override
    public void inject() {
        for (String link : StepTargets.links(step)) {
            Proxy proxy = ToxicDirections.proxy(ctx.toxiproxy(), link);
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
    }

    @Override
    public void heal() {
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
