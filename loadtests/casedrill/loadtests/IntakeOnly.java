package casedrill.loadtests;

import casedrill.load.LoadParameters;

/** Focused drill: only the intake transaction, at the profile's full rate. */
public class IntakeOnly extends CaseWorkload {
    public IntakeOnly() {
        super(LoadParameters.current(), LoadParameters.current().profile().only("intake"));
    }
}
