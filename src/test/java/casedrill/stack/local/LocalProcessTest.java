package casedrill.stack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Process identity by PID and start time, signals, and listener detection, on real processes. */
class LocalProcessTest {
    @Test
    void pidWithAnotherStartTimeIsNeverSignalled() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").redirectOutput(new File("/dev/null")).start();
        try {
            LocalProcess real = LocalProcess.of(sleeper.pid()).orElseThrow();
            LocalProcess impostor = new LocalProcess(real.pid(), real.startTime() + 1);
            assertThat(impostor.alive()).as("same PID, other start time").isFalse();
            assertThat(impostor.signal(Signal.KILL)).as("signal sent to an impostor").isFalse();
            assertThat(real.alive()).as("real process after the impostor was 'signalled'").isTrue();

            assertThat(real.signal(Signal.STOP)).as("SIGSTOP sent").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(real::stopped);
            assertThat(real.signal(Signal.CONT)).as("SIGCONT sent").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> !real.stopped());
            assertThat(real.signal(Signal.KILL)).as("SIGKILL sent").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> !real.alive());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void treeIncludesGrandchildren() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60 & wait").start();
        try {
            LocalProcess root = LocalProcess.of(shell.pid()).orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> root.tree().size() == 3);
        } finally {
            LocalProcess.of(shell.pid()).ifPresent(p -> Signals.sendAll(p.tree().stream().map(LocalProcess::pid).toList(), Signal.KILL));
        }
    }

    @Test
    void listenerIsSeenOnItsAddressOnly() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.99.7"))) {
            assertThat(Listeners.listening("127.0.99.7", socket.getLocalPort())).as("listener on its own address").isTrue();
            assertThat(Listeners.listening("127.0.99.8", socket.getLocalPort())).as("listener on another address").isFalse();
        }
    }
}
