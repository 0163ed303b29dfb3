package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.Outcome;
import casedrill.scenario.AbortCondition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The abort watch on literal reports from the probes and the load recorder, fed at the times they arrive. */
class AbortWatchTest {
    private long nowMs;

    private AbortWatch watch(AbortCondition... conditions) {
        return new AbortWatch(List.of(conditions), () -> nowMs);
    }

    private static AbortCondition condition(String metric, String transaction, AbortCondition.Comparison op, double threshold,
                                            long forSeconds, String text) {
        return new AbortCondition(metric, Optional.ofNullable(transaction), op, threshold, Duration.ofSeconds(forSeconds), text);
    }

    private static Event.Probe probe(long at, String transaction, Outcome outcome, long latencyMs) {
        return new Event.Probe(at, transaction, outcome, outcome == Outcome.OK ? 200 : 503, latencyMs, "app-dc1-a");
    }

    /** One closed recorder second: {@code count} requests of one transaction and outcome, all with the same latency. */
    private static Event.LoadSecond second(long startMs, String transaction, Outcome outcome, int count, long latencyMs) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(latencyMs * 1000, count);
        return new Event.LoadSecond(startMs, transaction, outcome, count, latencyMs * 1000, latencyMs * 1000, latencyMs * 1000,
                latencyMs * 1000, HistogramCodec.encode(h));
    }

    @Test
    void aConditionFiresOnlyAfterHoldingContinuouslyForItsDuration() {
        AbortWatch watch = watch(condition("errorRate", null, AbortCondition.Comparison.GT, 50, 3, "errorRate > 50%"));
        // Probes every 100 ms: failing 4-6 s (a 2 s burst, shorter than 3 s), healthy 6-9 s, failing from 9 s on.
        // Over the 2 s window the ratio passes 50% at 5.0 s, drops below it at 7.0 s, and passes it again at 10.0 s.
        for (nowMs = 0; nowMs <= 14_000; nowMs += 100) {
            boolean failing = nowMs >= 4_000 && nowMs < 6_000 || nowMs >= 9_000;
            watch.accept(probe(nowMs, "status", failing ? Outcome.FAILED : Outcome.OK, 10));
            Optional<AbortWatch.Fired> fired = watch.fired(nowMs);
            if (nowMs < 13_000) {
                assertThat(fired).as("abort at %d ms", nowMs).isEmpty();
            } else {
                assertThat(fired).as("abort at %d ms", nowMs).hasValueSatisfying(f -> {
                    assertThat(f.condition()).isEqualTo("errorRate > 50%");
                    assertThat(f.heldMs()).as("held").isGreaterThanOrEqualTo(3_000);
                    assertThat(f.value()).as("last value").isGreaterThan(50);
                });
            }
        }
    }

    @Test
    void theLoadRecordersSecondsCountWithoutAnyProbe() {
        AbortWatch watch = watch(condition("errorRate", null, AbortCondition.Comparison.GT, 90, 2, "errorRate > 90%"));
        // Each second arrives once it is over; from second 10 on 95 of 100 requests fail. The 2 s window is all
        // outage once second 11 has arrived (12.15 s); held 2 s when second 13 arrives (14.15 s).
        for (long second = 0; second < 20; second++) {
            nowMs = (second + 1) * 1_000 + 150;
            boolean outage = second >= 10;
            watch.accept(second(second * 1_000, "intake", Outcome.OK, outage ? 5 : 100, 8));
            watch.accept(second(second * 1_000, "intake", Outcome.UNKNOWN, outage ? 95 : 0, 2_000));
            Optional<AbortWatch.Fired> fired = watch.fired(nowMs);
            if (second < 13) {
                assertThat(fired).as("abort after second %d", second).isEmpty();
            } else {
                assertThat(fired).as("abort after second %d", second).hasValueSatisfying(f -> assertThat(f.value()).isEqualTo(95.0));
            }
        }
    }

    @Test
    void latencyCountsSuccessfulRequestsOfTheNamedTransactionOnly() {
        AbortWatch watch = watch(condition("p95", "screening", AbortCondition.Comparison.GT, 500, 0, "p95(screening) > 500ms"));
        nowMs = 1_000;
        watch.accept(second(0, "status", Outcome.OK, 100, 900)); // slow, but another transaction
        watch.accept(second(0, "screening", Outcome.FAILED, 100, 5_000)); // failed requests have no latency here
        watch.accept(second(0, "screening", Outcome.OK, 100, 40));
        assertThat(watch.fired(nowMs)).as("screening fast").isEmpty();

        nowMs = 1_500;
        watch.accept(probe(1_400, "screening", Outcome.OK, 700));
        watch.accept(second(1_000, "screening", Outcome.OK, 10, 800));
        assertThat(watch.fired(nowMs)).as("11 of 111 screening successes slow: p95 > 500 ms")
                .hasValueSatisfying(f -> assertThat(f.value()).isBetween(700.0, 801.0));
    }

    @Test
    void reportsOlderThanTheWindowStopCountingAndNoDataNeverFires() {
        AbortWatch watch = watch(condition("successRate", null, AbortCondition.Comparison.LT, 10, 0, "successRate < 10%"));
        nowMs = 1_000;
        assertThat(watch.fired(nowMs)).as("nothing reported yet").isEmpty();
        watch.accept(probe(900, "status", Outcome.FAILED, 0));
        assertThat(watch.fired(nowMs)).as("one failed probe").isPresent();
        nowMs = 1_000 + AbortWatch.WINDOW_MS + 1;
        assertThat(watch.fired(nowMs)).as("the failed probe has left the window").isEmpty();
    }
}
