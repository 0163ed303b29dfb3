package casedrill.stack.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Sends signals with kill(1): the JDK can only send TERM and KILL. */
final class Signals {
    private Signals() {
    }

    static boolean send(long pid, Signal signal) {
        return sendAll(List.of(pid), signal);
    }

    /** One kill(1) for all PIDs, so they are signalled as close to the same instant as we can. */
    static boolean sendAll(List<Long> pids, Signal signal) {
        if (pids.isEmpty()) {
            return true;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-s", signal.name()));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -s " + signal + " " + pids + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
