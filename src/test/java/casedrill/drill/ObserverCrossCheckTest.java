package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Demand;
import casedrill.check.Measured;
import casedrill.check.RecoveryCriteria;
import casedrill.check.Verdict;
import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.Outcome;
import casedrill.observer.ObservedWrite;
import casedrill.observer.ObserverSettings;
import casedrill.observer.ReadBack;
import casedrill.report.DrillResult.TargetResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The observer's figures beside literal drill histories: agreement keeps the verdicts, disagreement makes them UNKNOWN. */
class ObserverCrossCheckTest {
    private static final ObserverSettings SETTINGS = ObserverSettings.standard(URI.create("http://127.0.4.10:8000"), "token-for-tests", "observer-t");
    private static final List<TargetResult> PASSED = List.of(
            new TargetResult("rto", "rto", Demand.seconds("≤ 45s", 45, null), Verdict.PASS, new Measured.Seconds(26.0),
                    "worst over 1 disruption(s): intake 26.00 s"),
            new TargetResult("rpo", "rpo", Demand.seconds("0s: no acknowledged write lost", 0, null), Verdict.PASS,
                    new Measured.Writes(0, 500, 0, 0, 0, 0), "nothing lost"));

    /** A drill whose intake probes fail from the fault at 10 s until 36 s, reconciled with {@code ledgerLost} lost. */
    private static History drill(int ledgerLost) {
        List<Event> events = new ArrayList<>();
        for (long t = 0; t < 60_000; t += 100) {
            boolean ok = t < 10_000 || t >= 36_000;
            events.add(new Event.Probe(t, "intake", ok ? Outcome.OK : Outcome.FAILED, ok ? 201 : 503, 5, "app-dc2-a"));
        }
        events.add(new Event.FaultInjected(10_000, "power-loss", "site:dc1"));
        events.add(new Event.DrillEnded(60_000, "completed"));
        events.add(new Event.Reconciled(61_000, "7000", 2, 500, 500 - ledgerLost, ledgerLost, 0, 0, 0, 0));
        return new History(events);
    }

    /** The observer's writes every 20 ms, failing from 10 s until {@code backMs}. */
    private static List<ObservedWrite> observer(long backMs) {
        List<ObservedWrite> writes = new ArrayList<>();
        for (long t = 0; t < 60_000; t += 20) {
            boolean ok = t < 10_000 || t >= backMs;
            writes.add(new ObservedWrite(t / 20, "observer-t-" + t / 20, "sha", t, t + 10, ok ? 201 : 0,
                    ok ? ObservedWrite.Outcome.ACKNOWLEDGED : ObservedWrite.Outcome.IN_DOUBT, ok ? null : "timeout"));
        }
        return writes;
    }

    private static ObserverCrossCheck.Outcome check(History h, List<ObservedWrite> writes, ReadBack readBack) {
        return ObserverCrossCheck.apply(PASSED, h, RecoveryCriteria.DEFAULT, Duration.ofMillis(100), SETTINGS, writes, readBack);
    }

    private static ReadBack nothingLost(List<ObservedWrite> writes) {
        return new ReadBack("pg-dc2", (int) writes.stream().filter(ObservedWrite::acknowledged).count(), List.of(), List.of());
    }

    @Test
    void theToleranceIsTheWindowPlusOneProbeInterval() {
        assertThat(ObserverCrossCheck.tolerance(RecoveryCriteria.DEFAULT, Duration.ofMillis(100))).as("tolerance").isEqualTo(Duration.ofMillis(1_100));
    }

    @Test
    void anObserverThatAgreesLeavesTheVerdictsAndStatesTheAgreement() {
        List<ObservedWrite> writes = observer(36_140);
        ObserverCrossCheck.Outcome o = check(drill(0), writes, nothingLost(writes));

        assertThat(o.targets()).as("targets").isEqualTo(PASSED);
        assertThat(o.observer().agreementMs()).as("agreement").isEqualTo(140L);
        assertThat(o.observer().rtoAgrees()).as("RTO agrees").isTrue();
        assertThat(o.observer().rpoAgrees()).as("RPO agrees").isTrue();
        assertThat(o.observer().describe()).as("line").startsWith("cross-checked by an independent observer: agreement 0.14 s (tolerance 1.10 s)")
                .contains("its outage 26.14 s vs drill RTO 26.00 s").contains("0 lost");
    }

    @Test
    void anOutageBeyondTheToleranceMakesTheRtoUnknownWithBothFigures() {
        List<ObservedWrite> writes = observer(37_200);
        ObserverCrossCheck.Outcome o = check(drill(0), writes, nothingLost(writes));

        TargetResult rto = o.targets().get(0);
        assertThat(rto.verdict()).as("RTO verdict").isEqualTo(Verdict.UNKNOWN);
        assertThat(rto.explanation()).as("why").contains("drill RTO 26.00 s").contains("observer's outage 27.20 s")
                .contains("1.20 s apart").contains("tolerance 1.10 s").contains("the checker said PASS");
        assertThat(o.targets().get(1).verdict()).as("RPO verdict").isEqualTo(Verdict.PASS);
    }

    @Test
    void aWriteTheObserverLostWhileTheLedgerLostNoneMakesTheRpoUnknown() {
        List<ObservedWrite> writes = observer(36_000);
        ObserverCrossCheck.Outcome o = check(drill(0), writes, new ReadBack("pg-dc2", 2_000, List.of("observer-t-490"), List.of()));

        assertThat(o.targets().get(1).verdict()).as("RPO verdict").isEqualTo(Verdict.UNKNOWN);
        assertThat(o.targets().get(1).explanation()).as("why").contains("lost 1 of its 2000").contains("ledger lost 0");
        assertThat(o.observer().lostKeys()).as("lost keys").containsExactly("observer-t-490");
    }

    @Test
    void aLossBothSawKeepsTheRpoVerdict() {
        List<ObservedWrite> writes = observer(36_000);
        ObserverCrossCheck.Outcome o = check(drill(3), writes, new ReadBack("pg-dc2", 2_000, List.of("observer-t-490"), List.of()));

        assertThat(o.observer().rpoAgrees()).as("RPO agrees").isTrue();
        assertThat(o.targets().get(1).verdict()).as("RPO verdict").isEqualTo(Verdict.PASS);
    }

    @Test
    void anObserverThatNeverGotThroughChangesNothingAndSaysSo() {
        List<ObservedWrite> writes = observer(Long.MAX_VALUE).stream().map(w -> new ObservedWrite(w.seq(), w.idempotencyKey(), w.sha256(),
                w.sentMs(), w.doneMs(), 401, ObservedWrite.Outcome.REJECTED, null)).toList();
        ObserverCrossCheck.Outcome o = check(drill(0), writes, nothingLost(writes));

        assertThat(o.targets()).as("targets").isEqualTo(PASSED);
        assertThat(o.observer().rtoAgrees()).as("RTO compared").isNull();
        assertThat(o.observer().note()).as("note").contains("confirms nothing");
    }
}
