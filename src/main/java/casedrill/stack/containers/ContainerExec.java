package casedrill.stack.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One command run in a running container through the engine (docker exec), as the container's user, waited for.
 *
 * @param startedAt {@link System#nanoTime()} just before the engine was asked to start it (created beforehand)
 */
record ContainerExec(long exitCode, String out, String err, long startedAt, long endedAt) {

    static ContainerExec run(DockerClient docker, String container, Duration timeout, List<String> command) {
        String id = docker.execCreateCmd(container).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        ResultCallback.Adapter<Frame> done = docker.execStartCmd(id).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
            }
        });
        try {
            if (!done.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("command " + command.get(0) + " in container " + container
                        + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0) + " in container " + container, e);
        }
        long ended = System.nanoTime();
        Long code = docker.inspectExecCmd(id).exec().getExitCodeLong();
        return new ContainerExec(code == null ? -1 : code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), started, ended);
    }

    boolean ok() {
        return exitCode == 0;
    }

    /** Why it failed, for a message: its stderr, else its stdout, else its exit code. */
    String failure() {
        String said = !err.isBlank() ? err.strip() : out.strip();
        return said.isEmpty() ? "exit code " + exitCode : said + " (exit code " + exitCode + ")";
    }
}
