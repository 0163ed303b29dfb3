package casedrill.stack.remote;

import casedrill.environment.ActionCommand;

import casedrill.stack.EffectiveAt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one node-control command line, bounded by a timeout. The instant it returns is when the process was
 * started, i.e. the command sent: over SSH the remote side acts a connection set-up later, which the drill's RTO
 * includes (an operator's command would pay it too).
 */
final class RemoteCommands {
    private RemoteCommands() {
    }

    /** What a finished command said; a non-zero exit or a timeout is an {@link IllegalStateException} instead. */
    record Outcome(EffectiveAt sentAt, String output) {
    }

    static Outcome run(String what, ActionCommand line, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(line.argv()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        EffectiveAt sentAt = EffectiveAt.now();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(what + ": could not run " + line.argv().get(0) + " (" + e.getMessage() + ")", e);
        }
        try {
            String output;
            try (InputStream in = process.getInputStream()) {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(what + ": no answer within " + timeout.toSeconds() + " s from: " + line.text());
                }
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + line.text()
                        + (output.isEmpty() ? "" : " said: " + lastLine(output)));
            }
            return new Outcome(sentAt, output);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while running " + line.text(), e);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": could not read the output of " + line.text(), e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }
}
