package casedrill.failover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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

    /**
     * {@code run --interactive}: the question goes through {@code prompt} (the terminal's owner, which keeps it the last
     * visible line while the drill goes on) and the operator answers with Enter on {@code terminal}.
     */
    static Operator console(Reader terminal, OperatorPrompt prompt) {
        BufferedReader in = new BufferedReader(terminal);
        return (step, timeout) -> {
            prompt.ask(String.format("%nmanual step '%s':%n%s%nPress Enter to acknowledge (timeout %d s): ", step.name(),
                    step.prompt().strip(), timeout.toSeconds()));
            boolean acknowledged = false;
            try {
                acknowledged = awaitEnter(in, System.nanoTime() + timeout.toNanos());
                return acknowledged;
            } finally {
                prompt.answered(acknowledged);
            }
        };
    }

    private static boolean awaitEnter(BufferedReader in, long deadlineNanos) throws InterruptedException {
        try {
            while (System.nanoTime() < deadlineNanos) {
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
    }
}
