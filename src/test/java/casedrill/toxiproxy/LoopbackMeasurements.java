package casedrill.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** Client-side measurements against one address: bulk throughput, ping-pong, connection setup. */
final class LoopbackMeasurements {
    private LoopbackMeasurements() {}

    /**
     * MB/s (10^6 bytes) delivered to the sink: written for {@code seconds} after a warm-up, timed until
     * the sink has read every byte, so nothing is left in flight to disturb the next measurement.
     */
    static double throughputMBps(int sinkPort, AtomicLong sunk, double seconds) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (Socket s = connect(sinkPort)) {
            OutputStream out = s.getOutputStream();
            long base = sunk.get();
            long warm = writeFor(out, block, seconds / 2);
            awaitSunk(sunk, base + warm);
            long start = System.nanoTime();
            long bytes = writeFor(out, block, seconds);
            awaitSunk(sunk, base + warm + bytes);
            return bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitSunk(AtomicLong sunk, long target) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sunk.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the sink got " + sunk.get() + " of " + target + " bytes within 30 s");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    private static long writeFor(OutputStream out, byte[] block, double seconds) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long bytes = 0;
        while (System.nanoTime() < end) {
            out.write(block);
            bytes += block.length;
        }
        return bytes;
    }

    /** 1-byte round trips on one connection, in microseconds. */
    static Histogram roundTrips(int echoPort, int warmup, int count) throws IOException {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (Socket s = connect(echoPort)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < warmup + count; i++) {
                long start = System.nanoTime();
                out.write(1);
                if (in.read() < 0) {
                    throw new IOException("echo closed after " + i + " round trips on port " + echoPort);
                }
                if (i >= warmup) {
                    h.recordValue((System.nanoTime() - start) / 1_000);
                }
            }
        }
        return h;
    }

    /** Connections per second, each: connect, one byte there and back, close. */
    static double connectionsPerSecond(int echoPort, double seconds) throws IOException {
        connectLoop(echoPort, seconds / 3);
        long start = System.nanoTime();
        long n = connectLoop(echoPort, seconds);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static long connectLoop(int port, double seconds) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            try (Socket s = connect(port)) {
                s.getOutputStream().write(1);
                if (s.getInputStream().read() < 0) {
                    throw new IOException("closed before the echo on port " + port);
                }
            }
            n++;
        }
        return n;
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return s;
    }
}
