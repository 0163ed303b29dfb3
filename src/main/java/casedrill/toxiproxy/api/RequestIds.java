package casedrill.toxiproxy.api;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request ids built like the reference server's xid ids: 12 bytes (4 of seconds, 5 drawn once per
 * process where xid has machine and process id, a 3-byte counter) written as 20 base32hex
 * characters. Unique without 20 draws from a SecureRandom for every reply.
 */
final class RequestIds {
    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final byte[] PROCESS = new byte[5];
    private static final AtomicInteger COUNTER;

    static {
        SecureRandom seed = new SecureRandom();
        seed.nextBytes(PROCESS);
        COUNTER = new AtomicInteger(seed.nextInt());
    }

    private RequestIds() {}

    static String next() {
        long seconds = System.currentTimeMillis() / 1000;
        int count = COUNTER.getAndIncrement();
        byte[] raw = {
            (byte) (seconds >>> 24), (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds,
            PROCESS[0], PROCESS[1], PROCESS[2], PROCESS[3], PROCESS[4],
            (byte) (count >>> 16), (byte) (count >>> 8), (byte) count};
        return base32hex(raw);
    }

    /** 96 bits, 5 at a time from the most significant, the last character padded with zero bits. */
    static String base32hex(byte[] raw) {
        char[] out = new char[(raw.length * 8 + 4) / 5];
        for (int i = 0; i < out.length; i++) {
            int bit = i * 5;
            int pair = (raw[bit / 8] & 0xff) << 8 | (bit / 8 + 1 < raw.length ? raw[bit / 8 + 1] & 0xff : 0);
            out[i] = BASE32HEX[pair >>> (11 - bit % 8) & 31];
        }
        return new String(out);
    }
}
