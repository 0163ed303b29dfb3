package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The progress line on a terminal, read back through {@link TerminalScreen}: ticks every 20 ms. */
class ProgressLineTest {
    private static final String QUESTION = "\nmanual step 'approve':\nCall the duty manager.\nPress Enter to acknowledge (timeout 9 s): ";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger ticks = new AtomicInteger();

    private ProgressLine line() {
        return new ProgressLine(out, true, () -> "[faults] tick " + ticks.incrementAndGet(), Duration.ofMillis(20));
    }

    private TerminalScreen screen() {
        synchronized (out) {
            return TerminalScreen.of(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitTicks(int more) {
        int target = ticks.get() + more;
        await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= target);
    }

    @Test
    void whileTheOperatorIsAskedTheQuestionStaysTheLastLineAndMessagesGoAboveIt() {
        try (ProgressLine progress = line()) {
            awaitTicks(2);
            progress.ask(QUESTION);
            progress.message("fault 1 injected");
            awaitTicks(3);

            TerminalScreen asked = screen();
            assertThat(asked.cursorLine()).as("cursor line while asked, screen %s", asked.lines())
                    .isEqualTo("Press Enter to acknowledge (timeout 9 s): ");
            assertThat(asked.lines()).as("the step's text and the message stay visible")
                    .contains("Call the duty manager.", "fault 1 injected");
            assertThat(asked.lines()).as("the progress line drawn last stays above the question")
                    .anySatisfy(l -> assertThat(l).startsWith("[faults] tick"));

            progress.answered(false);
            awaitTicks(2);
            TerminalScreen after = screen();
            assertThat(after.cursorLine()).as("the progress line resumes below").startsWith("[faults] tick");
            assertThat(after.lines()).as("an unanswered question stays on screen")
                    .contains("Press Enter to acknowledge (timeout 9 s): ");
        }
    }

    @Test
    void withoutAQuestionTheLineIsRedrawnInPlace() {
        try (ProgressLine progress = line()) {
            awaitTicks(3);
            progress.message("steady state: met");
            awaitTicks(2);
            TerminalScreen screen = screen();
            assertThat(screen.lines()).as("one progress line, redrawn in place: %s", screen.lines())
                    .filteredOn(l -> l.startsWith("[faults]")).hasSize(1);
            assertThat(screen.lines()).contains("steady state: met");
        }
    }
}
