package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interactive manual step at a real pseudo-terminal (util-linux {@code script}), with the progress line ticking,
 * faults reported meanwhile and Gatling running in-process (heavy: run under the lock). The operator must see what to
 * do until answering, and Gatling's console summary must land in the run folder, not on the terminal.
 */
class TerminalPromptTest {
    @Test
    void promptStaysTheLastVisibleLineAndGatlingsSummaryGoesToTheRunFolder(@TempDir Path results) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pty");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the module openings Gatling needs, as surefire gives them to this JVM
        List<String> opens = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).map(TerminalPromptTest::quote).toList();
        String command = String.join(" ", quote(java), String.join(" ", opens), "-cp", quote(classPath),
                ManualStepAtTerminal.class.getName(), quote(results.toString()));
        Process pty = new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null").redirectErrorStream(true).start();
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        Thread reader = copy(pty.getInputStream(), transcript);
        try {
            await("the question on the terminal").atMost(Duration.ofSeconds(60)).until(() -> text(transcript).contains("Press Enter"));
            await("three faults reported while the operator is asked, and five progress ticks after them")
                    .atMost(Duration.ofSeconds(30)).until(() -> text(transcript).contains("five ticks later"));
            TerminalScreen waiting = TerminalScreen.of(text(transcript));
            assertThat(waiting.cursorLine().strip()).as("the cursor line while the step waits; screen:\n%s", waiting.lines())
                    .isEqualTo(ManualStepAtTerminal.QUESTION.strip());
            assertThat(waiting.lines()).as("the step's text stays on screen")
                    .contains("Confirm with the duty manager that dc1 is lost.")
                    .as("each fault reported above the question")
                    .contains("fault 1 injected", "fault 2 injected", "fault 3 injected");

            OutputStream keyboard = pty.getOutputStream();
            keyboard.write('\r');
            keyboard.flush();
            assertThat(pty.waitFor(120, TimeUnit.SECONDS)).as("the harness ends after acknowledgement").isTrue();
            reader.join(5_000);
        } finally {
            pty.destroyForcibly();
        }
        String all = text(transcript);
        String afterAnswer = all.substring(all.lastIndexOf("manual step acknowledged"));
        assertThat(all).as("the step was acknowledged by Enter").contains("manual step acknowledged: true");
        assertThat(afterAnswer).as("the progress line resumes after the answer").contains("[faults] progress");
        assertThat(all).as("casedrill's own summary on the terminal").contains("casedrill summary: load finished with Gatling exit 0");
        assertThat(all).as("Gatling's console summary is not on the terminal").doesNotContain("Global Information");
        assertThat(Files.readString(results.resolve("console.log"))).as("Gatling's console output in the run folder")
                .contains("---- Global Information");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String text(ByteArrayOutputStream transcript) {
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "pty-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
