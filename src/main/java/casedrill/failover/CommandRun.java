package casedrill.failover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code command} step: runs the program (argv, no shell) with stdout and stderr merged; ok when it exits with
 * {@code expectExit} within the timeout. On timeout or interrupt the process and its descendants are killed by PID.
 */
final class CommandRun implements StepAction {
    private final RunbookHosts hosts;

    CommandRun(RunbookHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public StepResult run(RunbookStep step, Duration timeout) throws InterruptedException {
        List<String> argv = step.run().stream().map(a -> Placeholders.expand(a, hosts)).toList();
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            return StepResult.failed("cannot start " + argv.get(0) + ": " + e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "runbook-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return StepResult.failed(String.join(" ", argv) + ": still running after " + timeout.toMillis() + " ms, killed (PID "
                        + process.pid() + ")\n" + text(output));
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        reader.join(1_000);
        int exit = process.exitValue();
        String seen = String.join(" ", argv) + " -> exit " + exit + "\n" + text(output);
        return exit == step.expectExit() ? StepResult.ok(seen) : StepResult.failed(seen + "\n(expected exit " + step.expectExit() + ")");
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (out) {
                    // keep only a bounded tail: the excerpt is 2 KB anyway
                    if (out.size() > 64 * 1024) {
                        out.reset();
                    }
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read is kept
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
