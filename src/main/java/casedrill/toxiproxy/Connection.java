package casedrill.toxiproxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One accepted client and its own upstream connection, dialled anew on the client's event loop
 * so both sockets and both links live on one thread. Toxic changes come from the API's thread
 * through a queue: the loop applies them as soon as it gets to them, and in any case before it
 * handles the next read or close of this connection.
 */
final class Connection {
    private final Proxy proxy;
    private final Channel client;
    private Channel upstream;
    private Link upstreamLink;
    private Link downstreamLink;
    private final Queue<Consumer<Connection>> changes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean applyScheduled = new AtomicBoolean();

    Connection(Proxy proxy, Channel client) {
        this.proxy = proxy;
        this.client = client;
    }

    EventLoop eventLoop() {
        return client.eventLoop();
    }

    void dial(Transport transport, InetSocketAddress target) {
        client.pipeline().addLast(new RelayHandler(this, Direction.UPSTREAM));
        ChannelFuture connect = Transport.socketOptions(new Bootstrap(), false)
                .group(client.eventLoop())
                .channel(transport.socketChannel())
                .handler(new RelayHandler(this, Direction.DOWNSTREAM))
                .connect(target);
        upstream = connect.channel();
        connect.addListener(f -> {
            if (!f.isSuccess() || !client.isActive()) {
                close();
                return;
            }
            List<List<InstalledToxic>> chains = proxy.chainsFor(this);
            upstreamLink = new Link(this, client, upstream, chains.get(0));
            downstreamLink = new Link(this, upstream, client, chains.get(1));
            client.config().setAutoRead(true);
            upstream.config().setAutoRead(true);
        });
    }

    /** From any thread: queues a toxic change for this connection's links, in order. */
    void change(Consumer<Connection> change) {
        changes.add(change);
        if (applyScheduled.compareAndSet(false, true)) {
            eventLoop().execute(() -> {
                // cleared before draining: a change queued meanwhile schedules the next run
                applyScheduled.set(false);
                applyChanges();
            });
        }
    }

    /** On the loop: applies the queued toxic changes, oldest first (on every read: cheap when none). */
    void applyChanges() {
        for (Consumer<Connection> change; (change = changes.poll()) != null; ) {
            change.accept(this);
        }
    }

    /** The link whose source is the side reading in this direction (null until connected). */
    Link link(Direction direction) {
        return direction == Direction.UPSTREAM ? upstreamLink : downstreamLink;
    }

    /** Called from a socket's handler when that socket closed. */
    void socketClosed(Direction readDirection) {
        Link reading = link(readDirection);
        Link writing = link(readDirection == Direction.UPSTREAM ? Direction.DOWNSTREAM : Direction.UPSTREAM);
        if (writing != null) {
            writing.dispose();
        }
        if (reading != null) {
            reading.onSourceClosed();
        } else {
            close();
        }
        if (!client.isActive() && (upstream == null || !upstream.isActive())) {
            proxy.forget(this);
        }
    }

    void close() {
        client.close();
        if (upstream != null) {
            upstream.close();
        }
    }

    /** Closes both sockets with linger 0, so both peers see a TCP RST. */
    void reset() {
        for (Channel ch : new Channel[] {client, upstream}) {
            if (ch != null && ch.isOpen()) {
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
                ch.close();
            }
        }
    }
}
