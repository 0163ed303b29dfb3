package casedrill.toxiproxy;

import io.netty.buffer.ByteBuf;

/** What travels through a link's chain: bytes with their arrival time, or the source's close. */
record Held(ByteBuf data, long arrivedNanos) {
    static final Held EOF = new Held(null, 0);

    boolean isEof() {
        return data == null;
    }

    int length() {
        return data == null ? 0 : data.readableBytes();
    }
}
