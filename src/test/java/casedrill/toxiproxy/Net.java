package casedrill.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Blocking socket helpers for tests; every read has a timeout. */
final class Net {
    private Net() {}

    static Socket connect(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        return connect("127.0.0.1", Integer.parseInt(hostPort.substring(colon + 1)));
    }

    static Socket connect(String host, int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        s.connect(new InetSocketAddress(host, port), 5_000);
        return s;
    }

    static byte[] readExactly(Socket s, int n) throws IOException {
        byte[] buf = new byte[n];
        InputStream in = s.getInputStream();
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new IOException("EOF after " + off + " of " + n + " bytes");
            }
            off += r;
        }
        return buf;
    }

    /** Reads until EOF; returns what was read (the read timeout fails the test if no EOF comes). */
    static byte[] readToEof(Socket s) throws IOException {
        return s.getInputStream().readAllBytes();
    }

    /** True if the peer closed (EOF or reset) within the socket's read timeout. */
    static boolean closedByPeer(Socket s) throws IOException {
        try {
            while (true) {
                if (s.getInputStream().read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
