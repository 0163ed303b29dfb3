package casedrill.drill;

import casedrill.check.RecoveryCriteria;
import casedrill.check.Targets;
import casedrill.history.DrillClock;
import casedrill.history.History;
import casedrill.observer.AcknowledgedWritesReader;
import casedrill.observer.EdgePoller;
import casedrill.observer.ObservationLog;
import casedrill.observer.ObserverClock;
import casedrill.observer.ObserverSettings;
import casedrill.observer.ReadBack;
import casedrill.report.DrillResult.TargetResult;
import casedrill.scenario.Scenario;
import casedrill.stack.RunningStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The independent observer during one drill: started with the load, stopped at the drill's end, read back from the
 * surviving primary after reconciliation and set beside the verdicts ({@link ObserverCrossCheck}).
 */
final class ObserverRun {
    private final ObserverSettings settings;
    private final ObservationLog log;
    private final EdgePoller poller;

    private ObserverRun(ObserverSettings settings, ObservationLog log, EdgePoller poller) {
        this.settings = settings;
        this.log = log;
        this.poller = poller;
    }

    /** Starts polling the stack's edge now; its writes are keyed {@code observer-<run id>-<n>}. */
    static ObserverRun start(RunningStack stack, DrillClock clock, Path runFolder, String runId) {
        ObserverSettings settings = ObserverSettings.standard(stack.edgeUrl(), stack.credentials().clientToken(),
                "observer-" + runId);
        ObservationLog log = new ObservationLog(runFolder);
        return new ObserverRun(settings, log, EdgePoller.start(settings, ObserverClock.startingAt(clock.offsetMs()), log));
    }

    /** Stops sending and waits for the writes in flight. */
    void stop() {
        poller.close();
    }

    /**
     * Reads the observer's acknowledged writes back from Patroni's leader (when {@code stack} is given: the drill was
     * reconciled) and adjusts the verdicts the observer contradicts.
     */
    ObserverCrossCheck.Outcome judge(RunningStack stack, Scenario scenario, History history, List<TargetResult> targets, PrintStream out) {
        ReadBack readBack = null;
        if (stack != null) {
            try {
                readBack = readBack(stack);
                log.readBack(readBack);
            } catch (SQLException | RuntimeException e) {
                out.println("the independent observer's read-back failed: " + e.getMessage());
            }
        }
        log.close();
        Targets base = TargetPlan.of(scenario).items().stream().findFirst().map(TargetPlan.Item::targets)
                .orElse(new Targets(null, null, null, null, null, scenario.probes().interval(), RecoveryCriteria.DEFAULT, null));
        return ObserverCrossCheck.apply(targets, history, base.recovery(), base.probeInterval(), settings, poller.writes(), readBack);
    }

    private ReadBack readBack(RunningStack stack) throws SQLException {
        String leader = stack.status().leader();
        if (leader == null || leader.isBlank()) {
            throw new IllegalStateException("no Patroni leader after the drill to read the observer's writes from");
        }
        try (Connection db = DriverManager.getConnection(stack.dbUrlFor(leader), stack.credentials().appUser(),
                stack.credentials().appPassword())) {
            return AcknowledgedWritesReader.read(db, leader, poller.writes());
        }
    }
}
