package casedrill.stack.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Which TCP ports are in LISTEN state, read from /proc/net/tcp (no connection is made). */
public final class Listeners {
    private static final String LISTEN = "0A";
    /** ::ffff:0:0/96 as /proc/net/tcp6 prints it (four little-endian 32-bit words). */
    private static final String V4_MAPPED = "0000000000000000FFFF0000";

    private Listeners() {
    }

    /**
     * True if something listens on {@code host:port}, or on the wildcard address with that port; IPv6
     * sockets count too (a JVM binds IPv4 addresses as IPv4-mapped IPv6 ones).
     */
    public static boolean listening(String host, int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        List<String> wanted = List.of(
                hexAddress(host) + hexPort, "00000000" + hexPort,
                V4_MAPPED + hexAddress(host) + hexPort, "0".repeat(32) + hexPort);
        return Stream.of("/proc/net/tcp", "/proc/net/tcp6").flatMap(Listeners::lines)
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 3 && f[3].equals(LISTEN))
                .anyMatch(f -> wanted.contains(f[1]));
    }

    private static Stream<String> lines(String table) {
        Path file = Path.of(table);
        if (!Files.exists(file)) {
            return Stream.empty();
        }
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** /proc/net/tcp prints IPv4 addresses as the little-endian hex of the 32-bit value. */
    private static String hexAddress(String host) {
        try {
            byte[] b = InetAddress.getByName(host).getAddress();
            return String.format(Locale.ROOT, "%02X%02X%02X%02X", b[3], b[2], b[1], b[0]);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: '" + host + "'", e);
        }
    }
}
