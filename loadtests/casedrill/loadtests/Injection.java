package casedrill.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import casedrill.load.LoadProfile;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Open-model arrival steps for one transaction: ramp-up, then the rate, multiplied during the surge window. */
final class Injection {
    private Injection() {}

    static List<OpenInjectionStep> steps(LoadProfile profile, double rate) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!profile.rampUp().isZero()) {
            steps.add(rampUsersPerSec(0).to(rate).during(profile.rampUp()));
        }
        LoadProfile.Surge surge = profile.surge();
        Duration end = profile.rampUp().plus(profile.duration());
        if (surge == null) {
            steps.add(constantUsersPerSec(rate).during(profile.duration()));
            return steps;
        }
        // The surge window is measured from load start; the ramp-up is not surged.
        Duration surgeStart = surge.at().compareTo(profile.rampUp()) < 0 ? profile.rampUp() : surge.at();
        Duration surgeEnd = surge.at().plus(surge.lasting());
        addConstant(steps, rate, surgeStart.minus(profile.rampUp()));
        addConstant(steps, rate * surge.factor(), surgeEnd.minus(surgeStart));
        addConstant(steps, rate, end.minus(surgeEnd));
        return steps;
    }

    private static void addConstant(List<OpenInjectionStep> steps, double rate, Duration lasting) {
        if (lasting.toMillis() > 0) {
            steps.add(constantUsersPerSec(rate).during(lasting));
        }
    }
}
