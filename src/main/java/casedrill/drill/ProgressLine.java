package casedrill.drill;

import casedrill.failover.OperatorPrompt;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Live progress: phase, elapsed/total, current fault, requests/s, error rate, probe state and the
 * running RTO clock. On a terminal one line is rewritten in place every second; otherwise (CI, a
 * pipe) a plain line is printed every five seconds.
 *
 * <p>The one owner of the drill's terminal: while an operator is asked something ({@link #ask}), the line stops
 * redrawing and every message goes above the question, whose last line is printed again below it, so what the
 * operator has to do stays the last visible line until it is answered.
 */
public final class ProgressLine implements AutoCloseable, OperatorPrompt {
    private final PrintStream out;
    private final boolean tty;
    private final Thread thread;
    private volatile boolean running = true;
    /** The question's last line while an operator is asked, else null; guarded by this. */
    private String asking;

    public ProgressLine(PrintStream out, boolean tty, Supplier<String> line) {
        this(out, tty, line, Duration.ofSeconds(tty ? 1 : 5));
    }

    ProgressLine(PrintStream out, boolean tty, Supplier<String> line, Duration interval) {
        this.out = out;
        this.tty = tty;
        long every = interval.toMillis();
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
        if (asking != null) {
            return;
        }
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
        if (asking != null) {
            out.print(asking);
        }
        out.flush();
    }

    @Override
    public synchronized void ask(String question) {
        // no erase first: the progress line drawn last stays above the question
        out.print(question);
        out.flush();
        asking = question.substring(question.lastIndexOf('\n') + 1);
    }

    @Override
    public synchronized void answered(boolean acknowledged) {
        if (!acknowledged) {
            // the operator's Enter ended the question's line; after a timeout it is ended here, so it stays visible
            out.println();
            out.flush();
        }
        asking = null;
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
