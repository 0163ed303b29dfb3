package casedrill.toxiproxy;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.time.Duration;

/**
 * The one way the harness makes a client of a Toxiproxy API: every call bounded.
 *
 * <p>The official Java client (2.1.11) opens {@code HttpURLConnection}s with neither a connect nor a read timeout, so a
 * server that accepts and never answers (a frozen proxy process, a half-closed listener) would hang a fault, its heal,
 * {@code recover} or a test for ever. The JDK's defaults for {@code HttpURLConnection} are the only knob the client
 * leaves; they are set here, before this class hands out its first client, unless the operator set them. The JDK reads
 * them once, at the JVM's first such connection, so {@code Main} sets them before anything else runs.
 */
public final class ToxiproxyClients {
    /** Loopback or a data centre's LAN: a connect that takes longer is a server that is not there. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Above the server's own worst case (closing a proxy's connections waits up to 2 s) with room for a loaded machine. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    static {
        boundCalls();
    }

    private ToxiproxyClients() {
    }

    public static ToxiproxyClient connect(String host, int port) {
        return new ToxiproxyClient(host, port);
    }

    /** Sets the JDK's timeouts, unless set already; idempotent. Call it before the JVM's first HTTP connection. */
    public static void boundCalls() {
        setIfAbsent("sun.net.client.defaultConnectTimeout", CONNECT_TIMEOUT);
        setIfAbsent("sun.net.client.defaultReadTimeout", READ_TIMEOUT);
    }

    private static void setIfAbsent(String property, Duration value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Long.toString(value.toMillis()));
        }
    }
}
