package casedrill.toxiproxy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Toxiproxy API that accepts and never answers (a frozen server) ends a call with a timeout instead of hanging the
 * harness: the official client sets none of its own.
 */
class ToxiproxyClientsTest {

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesTheCallOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> holdConnectionsOpen(silent), "silent-toxiproxy");
            acceptor.setDaemon(true);
            acceptor.start();
            assertThatThrownBy(() -> ToxiproxyClients.connect("127.0.0.1", silent.getLocalPort()).getProxies())
                    .as("GET /proxies against a server that never answers").isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static void holdConnectionsOpen(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (!server.isClosed()) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            // the test closed the server; the held sockets go with the JVM
        }
    }
}
