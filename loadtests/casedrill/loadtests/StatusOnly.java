package casedrill.loadtests;

import casedrill.load.LoadParameters;

/** Focused drill: only the status transaction, at the profile's full rate. */
public class StatusOnly extends CaseWorkload {
    public StatusOnly() {
        super(LoadParameters.current(), LoadParameters.current().profile().only("status"));
    }
}
