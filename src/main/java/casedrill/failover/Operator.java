package casedrill.failover;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/** Who acknowledges {@code manual} steps: a person at the terminal, or the recorded delay standing in for one. */
public interface Operator {
    /** Returns true once acknowledged, false if {@code timeout} passed first. */
    boolean acknowledge(RunbookStep step, Duration timeout) throws InterruptedException;

    /** Non-interactive runs: acknowledged after the step's {@code delay} (the operator's reaction time). */
    static Operator automatic(Consumer<String> say) {
        return (step, timeout) -> {
            say.accept("manual step '" + step.name() + "': acknowledged automatically after " + step.delay().toMillis() + " ms");
            Thread.sleep(Math.min(step.delay().toMillis(), timeout.toMillis()));
            return step.delay().compareTo(timeout) <= 0;
        };
    }

    /** {@code run --interactive}: prints the prompt on the terminal and waits for Enter. */
    static Operator console(Console console) {
        return (step, timeout) -> {
            console.printf("%nmanual step '%s':%n%s%nPress Enter to acknowledge (timeout %d s): ", step.name(),
                    step.prompt().strip(), timeout.toSeconds());
            console.flush();
            BufferedReader in = new BufferedReader(console.reader());
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    if (in.ready()) {
                        in.readLine();
                        return true;
                    }
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the operator's acknowledgement from the terminal: " + e.getMessage(), e);
            }
            return false;
        };
    }
}
