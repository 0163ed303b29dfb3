package casedrill.fault;

import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;

/**
 * One fault action in full, in one file: what a scenario may write for it ({@link FaultAction}: name, meaning,
 * targets, healable, {@code with:} keys, its own checks) and the fault it makes of a validated step, whose
 * {@code with:} values it reads into its own typed record.
 */
public interface FaultDefinition extends FaultAction {
    Fault create(FaultStep step, FaultContext ctx);
}
