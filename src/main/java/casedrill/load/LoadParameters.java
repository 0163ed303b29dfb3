package casedrill.load;

import casedrill.history.DrillClock;
import casedrill.probe.Tokens;
import casedrill.probe.WriteLedger;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a simulation needs from the drill. Gatling instantiates simulations by class name, so the runner installs
 * these in a static holder that the simulation reads in its constructor (one run at a time per JVM).
 *
 * @param recorder null to run without the per-request hook (the benchmark's baseline)
 * @param ledger   where acknowledged and in-doubt intakes go; may be null
 * @param start    when the simulation may inject (the drill's go); null to inject as soon as Gatling has booted
 */
public record LoadParameters(URI base, Tokens tokens, LoadProfile profile, Duration requestTimeout, String keyPrefix,
                             DrillClock clock, RequestRecorder recorder, WriteLedger ledger, CaseIdPool caseIds,
                             LoadStart start) {
    private static final AtomicReference<LoadParameters> CURRENT = new AtomicReference<>();

    public LoadParameters {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be > 0, but was " + requestTimeout);
        }
        if (!keyPrefix.matches("[A-Za-z0-9._:-]{1,60}")) {
            throw new IllegalArgumentException("idempotency key prefix must be 1-60 of [A-Za-z0-9._:-], but was '"
                    + keyPrefix + "'");
        }
        caseIds = caseIds == null ? new CaseIdPool(10_000) : caseIds;
    }

    static void install(LoadParameters parameters) {
        if (!CURRENT.compareAndSet(null, parameters)) {
            throw new IllegalStateException("another load run is in progress in this JVM");
        }
    }

    static void uninstall(LoadParameters parameters) {
        CURRENT.compareAndSet(parameters, null);
    }

    /** The parameters of the run being started; fails clearly when a simulation is run outside the runner. */
    public static LoadParameters current() {
        LoadParameters p = CURRENT.get();
        if (p == null) {
            throw new IllegalStateException("no load parameters installed: run simulations through GatlingRunner");
        }
        return p;
    }
}
