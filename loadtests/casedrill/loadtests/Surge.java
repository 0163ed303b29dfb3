package casedrill.loadtests;

import casedrill.load.LoadParameters;
import casedrill.load.LoadProfile;
import java.time.Duration;

/**
 * The workload mix with a surge: the profile's surge if it has one, else three times the rate for the middle
 * third of the load.
 */
public class Surge extends CaseWorkload {
    public Surge() {
        super(LoadParameters.current(), withSurge(LoadParameters.current().profile()));
    }

    static LoadProfile withSurge(LoadProfile p) {
        if (p.surge() != null) {
            return p;
        }
        Duration third = p.duration().dividedBy(3);
        return new LoadProfile(p.ratePerSecond(), p.rampUp(), p.duration(), p.mix(),
                new LoadProfile.Surge(p.rampUp().plus(third), third, 3.0));
    }
}
