package casedrill.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL on 127.0.0.1 for reader tests: initdb into a temp directory, started as the
 * {@code postgres} user when running as root (PostgreSQL refuses root), stopped by its PID on close.
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process server;

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/local/bin/initdb")) || onPath("initdb");
    }

    public LocalPostgres() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("casedrill-pg");
        port = freePort();
        if (root()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        run(asPostgres(List.of("initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres")));
        server = new ProcessBuilder(asPostgres(List.of("postgres", "-D", dir.resolve("data").toString(),
                "-p", String.valueOf(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (Connection c = connect()) {
                return c.isValid(2);
            }
        });
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    @Override
    public void close() throws Exception {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        run(List.of("rm", "-rf", dir.toString()));
    }

    /** setpriv execs in place, so the Process PID is the postmaster's own. */
    private static List<String> asPostgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
        }
        full.addAll(command);
        return full;
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, name)));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).directory(dir.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("'" + String.join(" ", command) + "' failed in " + dir);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
