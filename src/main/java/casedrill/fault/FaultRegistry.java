package casedrill.fault;

import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

/** The fault of every scenario action, by action. */
public final class FaultRegistry {
    private static final Map<FaultAction, BiFunction<FaultStep, FaultContext, Fault>> BY_ACTION = new EnumMap<>(FaultAction.class);

    static {
        BY_ACTION.put(FaultAction.POWER_LOSS, PowerLossFault::new);
        BY_ACTION.put(FaultAction.KILL, KillFault::new);
        BY_ACTION.put(FaultAction.STOP, StopFault::new);
        BY_ACTION.put(FaultAction.PAUSE, PauseFault::new);
        BY_ACTION.put(FaultAction.RESUME, ResumeFault::new);
        BY_ACTION.put(FaultAction.RESTART, RestartFault::new);
        BY_ACTION.put(FaultAction.PARTITION, PartitionFault::new);
        for (FaultAction toxic : new FaultAction[] {FaultAction.LATENCY, FaultAction.BANDWIDTH, FaultAction.RESET,
                FaultAction.SLICER, FaultAction.LIMIT_DATA, FaultAction.SLOW_CLOSE}) {
            BY_ACTION.put(toxic, (step, ctx) -> new ToxicFault(step, ctx, ToxicRecipes.of(toxic)));
        }
        BY_ACTION.put(FaultAction.CHAOS_MONKEY, ChaosMonkeyFault::new);
        BY_ACTION.put(FaultAction.SWITCHOVER, SwitchoverFault::new);
        BY_ACTION.put(FaultAction.HEAL, HealFault::new);
    }

    private FaultRegistry() {
    }

    public static Fault create(FaultStep step, FaultContext ctx) {
        BiFunction<FaultStep, FaultContext, Fault> factory = BY_ACTION.get(step.action());
        if (factory == null) {
            throw new IllegalArgumentException("no fault implements action '" + step.action() + "'");
        }
        return factory.apply(step, ctx);
    }

    static boolean covers(FaultAction action) {
        return BY_ACTION.containsKey(action);
    }
}
