package casedrill.stack.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sends signals with the kill builtin of one shell kept running for the purpose: the JDK can only send TERM
 * and KILL, and forking kill(1) from a busy JVM takes tens of milliseconds on a loaded machine, which would sit
 * between the instant a fault is stamped and the first signal. The shell ends with the JVM (its stdin closes).
 */
final class Signals {
    private static Process shell;
    private static Writer commands;
    private static BufferedReader answers;

    private Signals() {
    }

    static boolean send(long pid, Signal signal) {
        return sendAll(List.of(pid), signal);
    }

    /** One kill for all PIDs, so they are signalled as close to the same instant as we can; true if every one was. */
    static synchronized boolean sendAll(List<Long> pids, Signal signal) {
        if (pids.isEmpty()) {
            return true;
        }
        String pidList = pids.stream().map(String::valueOf).collect(Collectors.joining(" "));
        try {
            ready();
            commands.write("kill -s " + signal.name() + " " + pidList + " 2>/dev/null; echo $?\n");
            commands.flush();
            String status = answers.readLine();
            if (status == null) {
                throw new IOException("the signalling shell ended");
            }
            return status.strip().equals("0");
        } catch (IOException e) {
            shell = null;
            throw new IllegalStateException("cannot send " + signal + " to " + pidList + ": " + e.getMessage(), e);
        }
    }

    /** Starts the signalling shell if it does not run, so that starting it is not part of a timed fault. */
    static synchronized void ready() throws IOException {
        if (shell != null && shell.isAlive()) {
            return;
        }
        shell = new ProcessBuilder("/bin/sh").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        commands = new java.io.OutputStreamWriter(shell.getOutputStream(), StandardCharsets.US_ASCII);
        answers = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII));
    }
}
