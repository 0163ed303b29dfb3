package casedrill.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL 15 server on 127.0.0.1 and a free port, for tests.
 *
 * <p>PostgreSQL refuses to run as root, so as root the server runs as the unprivileged system
 * user {@code casedrill} (created when missing) through {@code setpriv}, which execs postgres
 * directly: the PID held here is the postmaster's own, and {@link #close()} stops it by that PID
 * and removes the data directory on every path.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path ROOT = Path.of("/var/tmp/casedrill-test");
    private static final String OS_USER = "casedrill";

    private final Path baseDir;
    private final int port;
    private final Process postmaster;

    private LocalPostgres(Path baseDir, int port, Process postmaster) {
        this.baseDir = baseDir;
        this.port = port;
        this.postmaster = postmaster;
    }

    /** Initialises a fresh cluster, starts it and waits until it accepts connections. */
    public static LocalPostgres start() {
        Path base = ROOT.resolve(UUID.randomUUID().toString());
        Process started = null;
        try {
            Files.createDirectories(base);
            Path data = base.resolve("data");
            Path socketDir = base.resolve("sock");
            Files.createDirectories(socketDir);
            boolean root = isRoot();
            if (root) {
                ensureOsUser();
                run(List.of("chown", "-R", OS_USER + ":" + OS_USER, base.toString()));
            }
            run(asServerUser(root, List.of(BIN.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions")));
            int port = freePort();
            // fsync off: tests never crash the host, and the whole cluster is discarded afterwards.
            ProcessBuilder pb = new ProcessBuilder(asServerUser(root, List.of(BIN.resolve("postgres").toString(),
                    "-D", data.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "port=" + port,
                    "-c", "unix_socket_directories=" + socketDir, "-c", "fsync=off",
                    "-c", "shared_buffers=16MB", "-c", "max_connections=60")));
            pb.redirectErrorStream(true).redirectOutput(base.resolve("postgres.log").toFile());
            started = pb.start();
            LocalPostgres pg = new LocalPostgres(base, port, started);
            pg.awaitReady();
            return pg;
        } catch (IOException | RuntimeException e) {
            if (started != null) {
                stop(started);
            }
            deleteTree(base);
            throw new IllegalStateException("could not start PostgreSQL under " + base + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return postmaster.pid();
    }

    /** JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Creates a database owned by the superuser; returns its name. */
    public String createDatabase(String name) {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on 127.0.0.1:" + port, e);
        }
    }

    /**
     * Freezes the server like a hung host: SIGSTOP to the postmaster and every backend. The kernel
     * still completes TCP handshakes, but nothing answers. Undo with {@link #thaw()}.
     */
    public void freeze() {
        signalAll("-STOP");
    }

    public void thaw() {
        signalAll("-CONT");
    }

    /** The postmaster must take the signal; a backend may exit at any moment, so its failure is ignored. */
    private void signalAll(String signal) {
        var children = postmaster.toHandle().children().toList();
        run(List.of("kill", signal, Long.toString(postmaster.pid())));
        children.forEach(child -> exitCode(List.of("kill", signal, Long.toString(child.pid()))));
    }

    private void awaitReady() {
        await("PostgreSQL on 127.0.0.1:" + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    if (!postmaster.isAlive()) {
                        throw new IllegalStateException("postmaster exited with " + postmaster.exitValue()
                                + "; see " + baseDir.resolve("postgres.log"));
                    }
                    try (Connection c = connect("postgres")) {
                        return c.isValid(2);
                    }
                });
    }

    @Override
    public void close() {
        try {
            if (postmaster.isAlive()) {
                thaw(); // a frozen server cannot shut down
            }
        } finally {
            stop(postmaster);
            deleteTree(baseDir);
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown: SIGTERM ("smart") would wait for every client to leave. */
    private static void stop(Process p) {
        if (!p.isAlive()) {
            return; // already stopped: its PID may belong to someone else by now
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + OS_USER, "--regid=" + OS_USER,
                "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static synchronized void ensureOsUser() {
        if (exitCode(List.of("id", "-u", OS_USER)) != 0) {
            run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command) {
        int code = exitCode(command);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }
}
