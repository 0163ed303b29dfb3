package casedrill.drill;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Live progress: phase, elapsed/total, current fault, requests/s, error rate, probe state and the
 * running RTO clock. On a terminal one line is rewritten in place every second; otherwise (CI, a
 * pipe) a plain line is printed every five seconds.
 */
public final class ProgressLine implements AutoCloseable {
    private final PrintStream out;
    private final boolean tty;
    private final Thread thread;
    private volatile boolean running = true;

    public ProgressLine(PrintStream out, boolean tty, Supplier<String> line) {
        this.out = out;
        this.tty = tty;
        long every = tty ? 1_000 : 5_000;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    print(line.get());
                }
            }
        }, "drill-progress");
        thread.setDaemon(true);
        thread.start();
    }

    public static String format(String phase, long elapsedMs, long totalMs, String fault, double requestsPerSecond,
                                double errorRate, String probes, String rto) {
        return String.format(Locale.ROOT, "[%s] %5.1f/%.0f s | fault %s | %.0f req/s | errors %.1f%% | probes %s | RTO %s",
                phase, elapsedMs / 1000.0, totalMs / 1000.0, fault, requestsPerSecond, errorRate * 100, probes, rto);
    }

    private synchronized void print(String text) {
        if (tty) {
            out.print("\r\033[K" + text);
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** Prints a message on its own line without garbling the progress line. */
    public synchronized void message(String text) {
        if (tty) {
            out.print("\r\033[K");
        }
        out.println(text);
        out.flush();
    }

    /** Requests per second from a monotonically growing counter, sampled at each call. */
    public static Supplier<Double> rate(LongSupplier counter, LongSupplier nowMs) {
        long[] last = {counter.getAsLong(), nowMs.getAsLong()};
        return () -> {
            synchronized (last) {
                long c = counter.getAsLong();
                long t = nowMs.getAsLong();
                double perSecond = t > last[1] ? (c - last[0]) * 1000.0 / (t - last[1]) : 0;
                last[0] = c;
                last[1] = t;
                return perSecond;
            }
        };
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (tty) {
            message("");
        }
    }
}
