package casedrill.loadtests;

import casedrill.load.LoadParameters;

/** Focused drill: only the screening transaction, at the profile's full rate. */
public class ScreeningOnly extends CaseWorkload {
    public ScreeningOnly() {
        super(LoadParameters.current(), LoadParameters.current().profile().only("screening"));
    }
}
