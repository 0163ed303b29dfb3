package casedrill.load;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.Outcome;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class RequestRecorderTest {
    @Test
    void aggregatesPerSecondTransactionAndOutcome() {
        Queue<Event> history = new ConcurrentLinkedQueue<>();
        RequestRecorder recorder = new RequestRecorder(history::add, 1_000);
        long n = 0;
        for (long ms = 0; ms < 20_000; ms += 5) {
            Outcome outcome = ms % 100 == 0 ? Outcome.FAILED : Outcome.OK;
            recorder.record(new RequestRecorder.Request(ms % 2 == 0 ? "status" : "intake", ms, 1_000 + ms % 1000,
                    outcome, outcome.ok() ? 200 : 503, "app-dc1-a", "7311"));
            n++;
        }
        recorder.close();
        List<Event.LoadSecond> seconds = recorder.seconds();
        assertThat(seconds.stream().mapToLong(Event.LoadSecond::count).sum()).isEqualTo(n);
        assertThat(seconds).hasSize(20 * 3);
        assertThat(history).hasSize(seconds.size());
        Event.LoadSecond first = seconds.stream()
                .filter(s -> s.offsetMs() == 0 && s.transaction().equals("status") && s.outcome().ok())
                .findFirst().orElseThrow();
        assertThat(first.count()).isEqualTo(100 - 10);
        assertThat(HistogramCodec.decode(first.histogram()).getTotalCount()).isEqualTo(first.count());
        assertThat(first.maxMicros()).isBetween(1_980L, 2_000L);
    }
}
