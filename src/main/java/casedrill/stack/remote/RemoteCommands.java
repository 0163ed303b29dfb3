package casedrill.stack.remote;

import casedrill.environment.ActionCommand;

import casedrill.stack.EffectiveAt;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * What a finished command said, when it was started and when it returned; a non-zero exit or a timeout is an
     * {@link IllegalStateException} instead.
     */
    record Outcome(EffectiveAt sentAt, EffectiveAt returnedAt, String output) {
    }

    static Outcome run(String what, ActionCommand line, Duration timeout) {
        Path output;
        try {
            output = Files.createTempFile("casedrill-remote-", ".out");
        } catch (IOException e) {
            throw new IllegalStateException(what + ": no temporary file for the command's output (" + e.getMessage() + ")", e);
        }
        // Output goes to a file, not a pipe: a chatty command can never block on a full pipe while we wait for it.
        ProcessBuilder builder = new ProcessBuilder(line.argv()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            EffectiveAt sentAt = EffectiveAt.now();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException(what + ": could not run " + line.argv().get(0) + " (" + e.getMessage() + ")", e);
            }
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(what + ": no answer within " + timeout.toSeconds() + " s from: " + line.text());
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted while running " + line.text(), e);
            }
            EffectiveAt returnedAt = EffectiveAt.now();
            String said = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + line.text()
                        + (said.isEmpty() ? "" : " said: " + lastLine(said)));
            }
            return new Outcome(sentAt, returnedAt, said);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": could not read the output of " + line.text(), e);
        } finally {
            output.toFile().delete();
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }
}
