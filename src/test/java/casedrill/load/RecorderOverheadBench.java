package casedrill.load;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.Outcome;
import casedrill.probe.Tokens;
import casedrill.testing.TrivialHttpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make bench-recorder: Gatling against a trivial loopback server with and without the recorder hook, alternated;
 * and the retained memory of the per-second aggregates for a simulated one-hour drill at 500 requests/s.
 * Figures go to stdout and target/bench/recorder.txt.
 */
@Tag("bench")
class RecorderOverheadBench {
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "500"));
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    private record Run(boolean hook, long requests, double seconds, double harnessCpuMicrosPerRequest,
                       double aggregatorCpuMicrosPerRequest) {
        double throughput() {
            return requests / seconds;
        }
    }

    @Test
    void recorderHookCostsAtMostFivePercent(@TempDir Path results) throws Exception {
        List<Run> off = new ArrayList<>();
        List<Run> on = new ArrayList<>();
        try (TrivialHttpServer server = new TrivialHttpServer()) {
            // JIT-compile both paths before measuring either.
            run(server, false, Duration.ofSeconds(10), results);
            run(server, true, Duration.ofSeconds(10), results);
            for (int i = 0; i < ROUNDS; i++) {
                off.add(run(server, false, RUN, results));
                on.add(run(server, true, RUN, results));
            }
        }
        double cpuOff = median(off.stream().mapToDouble(Run::harnessCpuMicrosPerRequest).toArray());
        double cpuOn = median(on.stream().mapToDouble(Run::harnessCpuMicrosPerRequest).toArray());
        double cost = 1 - cpuOff / cpuOn;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "recorder overhead: open model %.0f req/s x %d s, %d rounds alternated, %d cores%n",
                RATE, RUN.toSeconds(), ROUNDS, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < ROUNDS; i++) {
            out.append(format(off.get(i))).append(format(on.get(i)));
        }
        out.append(String.format(Locale.ROOT,
                "median harness CPU per request: without hook %.1f us, with hook %.1f us -> capacity cost %.1f %%%n",
                cpuOff, cpuOn, cost * 100));
        double[] paired = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            paired[i] = 1 - off.get(i).harnessCpuMicrosPerRequest() / on.get(i).harnessCpuMicrosPerRequest();
        }
        out.append(String.format(Locale.ROOT, "paired per-round cost: %s (median %.1f %%)%n",
                Arrays.stream(paired).mapToObj(d -> String.format(Locale.ROOT, "%.1f %%", d * 100)).toList(),
                median(paired) * 100));
        report(out.toString());
        long expected = (long) (RATE * RUN.toSeconds());
        assertThat(off).as("runs where the server answered under 99 %% of requests are not comparable")
                .allSatisfy(r -> assertThat(r.requests()).isGreaterThanOrEqualTo(expected * 99 / 100));
        assertThat(on).allSatisfy(r -> assertThat(r.requests()).isGreaterThanOrEqualTo(expected * 99 / 100));
        assertThat(cost).as("throughput cost of the recorder hook (CPU per request)").isLessThanOrEqualTo(0.05);
    }

    @Test
    void aggregatesOfAOneHourDrillAt500PerSecond() throws Exception {
        String[] transactions = {"intake", "status", "decision", "screening"};
        Random random = new Random(42);
        long heapBefore = usedHeapAfterGc();
        RequestRecorder recorder = new RequestRecorder(e -> { }, 2_000);
        long requests = 0;
        for (long second = 0; second < 3_600; second++) {
            for (int i = 0; i < 500; i++) {
                long latency = (long) Math.exp(9.5 + random.nextGaussian() * 0.8);
                Outcome outcome = random.nextInt(100) == 0 ? Outcome.FAILED : Outcome.OK;
                recorder.record(new RequestRecorder.Request(transactions[i % 4], second * 1000 + i * 2L, latency,
                        outcome, outcome.ok() ? 200 : 503, "app-dc1-a", "7311"));
                requests++;
            }
        }
        recorder.close();
        long heapAfter = usedHeapAfterGc();
        List<Event.LoadSecond> seconds = recorder.seconds();
        long encodedBytes = seconds.stream().mapToLong(s -> s.histogram().length()).sum();
        assertThat(seconds.stream().mapToLong(Event.LoadSecond::count).sum()).isEqualTo(requests);
        report(String.format(Locale.ROOT,
                "aggregate memory, 1 h at 500 req/s (%d requests, 4 transactions, 1 %% failures): %d per-second "
                        + "aggregates, encoded histograms %.1f MB (%.0f bytes each), heap retained after GC %.1f MB "
                        + "(%.1f bytes per request; raw per-request records at ~64 B each would be ~%.0f MB)%n",
                requests, seconds.size(), encodedBytes / 1e6, (double) encodedBytes / seconds.size(),
                (heapAfter - heapBefore) / 1e6, (double) (heapAfter - heapBefore) / requests, requests * 64 / 1e6));
        Reference.reachabilityFence(recorder);
    }

    private static Run run(TrivialHttpServer server, boolean hook, Duration length, Path results) throws Exception {
        LoadProfile profile = new LoadProfile(RATE, Duration.ZERO, length, java.util.Map.of("status", 1.0), null);
        RequestRecorder recorder = hook ? new RequestRecorder(e -> { }, 2_000) : null;
        LoadParameters p = new LoadParameters(server.base(), new Tokens("c", "o", "p"), profile, Duration.ofSeconds(5),
                "bench", DrillClock.system(), recorder, null, null);
        long requestsBefore = server.requests();
        long cpuBefore = processCpuNanos() - threadCpuNanos(TrivialHttpServer.THREAD_PREFIX);
        long start = System.nanoTime();
        int exit = GatlingRunner.start(casedrill.loadtests.StatusOnly.class, p, results, "bench", false)
                .get(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long aggregatorCpu = threadCpuNanos("load-recorder");
        if (recorder != null) {
            recorder.close();
        }
        long cpu = processCpuNanos() - threadCpuNanos(TrivialHttpServer.THREAD_PREFIX) - cpuBefore;
        long requests = server.requests() - requestsBefore;
        assertThat(exit).isZero();
        if (recorder != null) {
            // The recorder also sees requests that never reached the server (timeouts on an overloaded box).
            assertThat(recorder.recorded()).as("recorded vs answered").isGreaterThanOrEqualTo(requests);
        }
        return new Run(hook, requests, seconds, cpu / 1e3 / requests, aggregatorCpu / 1e3 / requests);
    }

    private static String format(Run r) {
        return String.format(Locale.ROOT, "  %-12s %8d requests in %5.1f s (%6.0f req/s incl. start-up), harness CPU %.1f us/request%s%n",
                r.hook() ? "with hook" : "without hook", r.requests(), r.seconds(), r.throughput(),
                r.harnessCpuMicrosPerRequest(), r.hook()
                        ? String.format(Locale.ROOT, " (aggregator thread %.2f us)", r.aggregatorCpuMicrosPerRequest()) : "");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU of live threads by name prefix: the server's (not harness cost) or the recorder's aggregator. */
    private static long threadCpuNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void report(String text) throws Exception {
        System.out.print(text);
        Path file = Path.of("target", "bench", "recorder.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
