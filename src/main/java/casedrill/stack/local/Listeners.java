package casedrill.stack.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Which TCP ports are in LISTEN state, read from /proc/net/tcp (no connection is made). */
public final class Listeners {
    private static final String LISTEN = "0A";

    private Listeners() {
    }

    /** True if something listens on {@code host:port}, or on the wildcard address with that port. */
    public static boolean listening(String host, int port) {
        String exact = hexAddress(host) + ":" + String.format(Locale.ROOT, "%04X", port);
        String wildcard = "00000000:" + String.format(Locale.ROOT, "%04X", port);
        return lines().stream().map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 3 && f[3].equals(LISTEN))
                .anyMatch(f -> f[1].equals(exact) || f[1].equals(wildcard));
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/net/tcp: " + e.getMessage(), e);
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
