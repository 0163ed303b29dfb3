package casedrill.toxiproxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a connection: bytes read from {@code source} pass through the chain of toxic
 * stages and are written to {@code destination}. With an empty chain each read buffer is written
 * as it is (no copy). Back-pressure: the source reads only while the destination is writable and
 * the chain holds less than {@link #MAX_HELD_BYTES}. Confined to the connection's event loop.
 */
final class Link {
    static final int MAX_HELD_BYTES = 1 << 20;

    private final Connection connection;
    private final Channel source;
    private final Channel destination;
    private final List<ToxicStage> chain = new ArrayList<>(2);
    private long heldBytes;
    private boolean flushPending;
    private boolean dead;

    Link(Connection connection, Channel source, Channel destination, List<InstalledToxic> toxics) {
        this.connection = connection;
        this.source = source;
        this.destination = destination;
        for (InstalledToxic toxic : toxics) {
            chain.add(new ToxicStage(this, toxic));
        }
    }

    EventLoop eventLoop() {
        return source.eventLoop();
    }

    void onRead(ByteBuf data) {
        if (dead) {
            data.release();
            return;
        }
        if (chain.isEmpty()) {
            destination.write(data, destination.voidPromise());
            flushPending = true;
            if (!destination.isWritable()) {
                updateReadability();
            }
            return;
        }
        heldBytes += data.readableBytes();
        chain.get(0).offer(new Held(data, System.nanoTime()));
        updateReadability();
    }

    void onSourceClosed() {
        if (dead) {
            return;
        }
        if (chain.isEmpty()) {
            closeDestination();
        } else {
            chain.get(0).offer(Held.EOF);
            flush();
        }
    }

    /** Called by a stage with what leaves it: into the next stage, or out to the destination. */
    void forward(ToxicStage from, Held item) {
        int next = chain.indexOf(from) + 1;
        if (dead) {
            discard(item);
        } else if (next < chain.size()) {
            chain.get(next).offer(item);
        } else if (item.isEof()) {
            closeDestination();
        } else {
            heldBytes -= item.length();
            destination.write(item.data(), destination.voidPromise());
            flushPending = true;
            updateReadability();
        }
    }

    /** Bytes a stage dropped on purpose (timeout, reset_peer, limit_data). */
    void released(int bytes) {
        heldBytes -= bytes;
        updateReadability();
    }

    void discard(Held item) {
        if (!item.isEof()) {
            heldBytes -= item.length();
            item.data().release();
        }
    }

    void flush() {
        if (flushPending) {
            flushPending = false;
            destination.flush();
        }
    }

    void updateReadability() {
        boolean read = !dead && destination.isWritable() && heldBytes < MAX_HELD_BYTES;
        if (source.config().isAutoRead() != read) {
            source.config().setAutoRead(read);
        }
    }

    void resetConnection() {
        connection.reset();
    }

    void addToxic(InstalledToxic toxic) {
        if (dead || indexOf(toxic.name()) >= 0) {
            return;
        }
        chain.add(new ToxicStage(this, toxic));
    }

    void updateToxic(InstalledToxic toxic) {
        int i = indexOf(toxic.name());
        if (!dead && i >= 0) {
            chain.get(i).update(toxic);
        }
    }

    void removeToxic(String name) {
        int i = indexOf(name);
        if (!dead && i >= 0) {
            chain.get(i).remove();
            chain.remove(i);
            updateReadability();
        }
    }

    /** The destination is gone: nothing held can be delivered any more. */
    void dispose() {
        if (dead) {
            return;
        }
        dead = true;
        for (ToxicStage stage : chain) {
            stage.dispose();
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void closeDestination() {
        flushPending = false;
        destination.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
