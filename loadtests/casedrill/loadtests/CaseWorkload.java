package casedrill.loadtests;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import casedrill.load.LoadParameters;
import casedrill.load.LoadProfile;
import casedrill.load.LoadStop;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * The realistic mix: intake, status, officer decision, partner screening, each an open-model scenario whose rate
 * is the profile's rate times its weight. Also the base of the focused simulations and of {@link Surge}.
 */
public class CaseWorkload extends Simulation {
    private final LoadParameters parameters;

    public CaseWorkload() {
        this(LoadParameters.current(), LoadParameters.current().profile());
    }

    protected CaseWorkload(LoadParameters parameters, LoadProfile profile) {
        this.parameters = parameters;
        CaseTransactions transactions = new CaseTransactions(parameters);
        List<PopulationBuilder> populations = new ArrayList<>();
        for (String tx : profile.mix().keySet()) {
            double rate = profile.rateOf(tx);
            if (rate > 0) {
                populations.add(scenario(tx).stopLoadGeneratorIf(session -> "stopped by the drill: " + LoadStop.reason(),
                        session -> LoadStop.requested()).exec(transactions.chain(tx)).injectOpen(Injection.steps(profile, rate)));
            }
        }
        // No warm-up: Gatling's default sends a first request to gatling.io, an outside host a drill must not contact
        // (and, unreachable, it delayed the first virtual user by seconds after the drill's go).
        setUp(populations).protocols(http.baseUrl(parameters.base().toString()).disableWarmUp().shareConnections()
                .acceptHeader("application/json").userAgentHeader("casedrill-load"));
    }

    /** Gatling has booted: the injection starts when the drill says go, so the profile runs on the drill's clock. */
    @Override
    public void before() {
        if (parameters.start() != null) {
            parameters.start().readyThenWait();
        }
    }
}
