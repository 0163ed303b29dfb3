package casedrill.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server for tests: {@code /usr/sbin/sshd -D} on 127.0.0.1 with a generated host key, accepting only
 * the generated user key (root may log in with it, never with a password). Stopped by its own process handle.
 */
public final class SshServer implements AutoCloseable {
    public static final Path SSHD = Path.of("/usr/sbin/sshd");

    public final Path dir;
    public final int port;
    public final Path userKey;
    public final Path knownHosts;
    private final Process process;

    private SshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.userKey = dir.resolve("id_user");
        this.knownHosts = dir.resolve("known_hosts");
    }

    public static SshServer start(Path dir) throws IOException, InterruptedException {
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("id_user"));
        Files.copy(dir.resolve("id_user.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        Files.writeString(dir.resolve("known_hosts"), knownHostsLine(port, dir.resolve("host_key.pub")));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PermitRootLogin prohibit-password",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes",
                "StrictModes no", "UsePAM no", "PidFile " + dir.resolve("sshd.pid"), "LogLevel VERBOSE", ""));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege-separation directory
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        SshServer server = new SshServer(dir, port, process);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + ": " + Files.readString(dir.resolve("sshd.log")));
            }
            Thread.sleep(50);
        }
        return server;
    }

    /** A known_hosts line for this server's port holding the public key in {@code publicKeyFile}. */
    public static String knownHostsLine(int port, Path publicKeyFile) throws IOException {
        String[] key = Files.readString(publicKeyFile).trim().split(" ");
        return "[127.0.0.1]:" + port + " " + key[0] + " " + key[1] + "\n";
    }

    public static void keygen(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "casedrill-test", "-f", file.toString())
                .redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

}
