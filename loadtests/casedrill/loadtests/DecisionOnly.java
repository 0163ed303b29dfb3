package casedrill.loadtests;

import casedrill.load.LoadParameters;

/** Focused drill: only the decision transaction, at the profile's full rate. */
public class DecisionOnly extends CaseWorkload {
    public DecisionOnly() {
        super(LoadParameters.current(), LoadParameters.current().profile().only("decision"));
    }
}
