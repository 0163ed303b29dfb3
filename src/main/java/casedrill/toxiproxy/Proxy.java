package casedrill.toxiproxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One named proxy: a listener, its live connections and its two toxic chains. API operations are
 * serialized on the proxy's monitor; the event loops only ever take {@code live}, briefly, so an
 * API call can wait for its connections to close without risk of deadlock. A toxic change does not
 * wait for the loops: it is queued on every live connection, which applies it before it reads
 * anything more, so it is in effect for every byte sent after the call returns.
 */
public final class Proxy {
    private static final long APPLY_TIMEOUT_MILLIS = 2_000;

    private final String name;
    private final Transport transport;
    private String listen;
    private String upstream;
    private Channel listener;

    private final Object live = new Object();
    private final Set<Connection> connections = new HashSet<>();
    private List<InstalledToxic> upstreamChain = List.of();
    private List<InstalledToxic> downstreamChain = List.of();

    Proxy(String name, String listen, String upstream, Transport transport) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.transport = transport;
    }

    public synchronized ProxyView view() {
        synchronized (live) {
            List<InstalledToxic> all = new ArrayList<>(upstreamChain);
            all.addAll(downstreamChain);
            return new ProxyView(name, listen, upstream, listener != null, all);
        }
    }

    public synchronized String listen() {
        return listen;
    }

    public synchronized String upstream() {
        return upstream;
    }

    public synchronized boolean enabled() {
        return listener != null;
    }

    /** Binds the stored listen address; on success {@code listen} becomes the bound address. */
    public synchronized void start() {
        if (listener != null) {
            return;
        }
        InetSocketAddress bind;
        try {
            bind = HostPort.parse(listen).bindAddress();
        } catch (IllegalArgumentException e) {
            throw new ToxiproxyException(500, "listen tcp: " + e.getMessage());
        }
        // The listener and all its connections share one event loop: accepting then needs no
        // thread hop, and proxies spread over the group's loops.
        EventLoop loop = transport.group().next();
        ChannelFuture bound = Transport.socketOptions(new ServerBootstrap(), true)
                .group(loop, loop)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accept(ch);
                    }
                })
                .bind(bind)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new ToxiproxyException(500, bindError(bind, bound.cause()));
        }
        synchronized (live) {
            listener = bound.channel();
        }
        listen = HostPort.formatBound((InetSocketAddress) listener.localAddress());
    }

    /** Closes the listener and every connection; toxics stay. */
    public synchronized void stop() {
        List<Connection> open;
        Channel closing;
        synchronized (live) {
            closing = listener;
            listener = null;
            open = new ArrayList<>(connections);
            connections.clear();
        }
        if (closing != null) {
            closing.close().awaitUninterruptibly(APPLY_TIMEOUT_MILLIS);
        }
        List<Future<?>> closed = new ArrayList<>();
        for (Connection c : open) {
            closed.add(c.eventLoop().submit(c::close));
        }
        awaitAll(closed);
    }

    /** Partial update (§3.5): a changed address restarts the proxy and closes its connections. */
    public synchronized void update(String newListen, String newUpstream, boolean wantEnabled) {
        String resolved;
        try {
            resolved = HostPort.parse(newListen).resolved().toString();
        } catch (IllegalArgumentException e) {
            throw new ToxiproxyException(500, e.getMessage());
        }
        if (!sameListen(resolved) || !newUpstream.equals(upstream)) {
            stop();
            listen = newListen;
            upstream = newUpstream;
        }
        if (wantEnabled) {
            start();
        } else {
            stop();
        }
    }

    /** Whether a requested listen address, already resolved, is the one stored (§3.4). */
    synchronized boolean sameListen(String resolvedListen) {
        return resolvedListen.equals(listen);
    }

    public synchronized InstalledToxic toxic(String toxicName) {
        return find(toxicName);
    }

    public synchronized void addToxic(InstalledToxic toxic) {
        if (find(toxic.name()) != null) {
            throw new ToxiproxyException(409, "toxic already exists");
        }
        change(toxic.direction(), chain -> append(chain, toxic), link -> link.addToxic(toxic));
    }

    public synchronized InstalledToxic updateToxic(String toxicName, UnaryOperator<InstalledToxic> edit) {
        InstalledToxic old = find(toxicName);
        if (old == null) {
            throw new ToxiproxyException(404, "toxic not found");
        }
        InstalledToxic updated = edit.apply(old);
        change(old.direction(), chain -> chain.stream().map(t -> t == old ? updated : t).toList(),
                link -> link.updateToxic(updated));
        return updated;
    }

    public synchronized void removeToxic(String toxicName) {
        InstalledToxic old = find(toxicName);
        if (old == null) {
            throw new ToxiproxyException(404, "toxic not found");
        }
        change(old.direction(), chain -> chain.stream().filter(t -> t != old).toList(),
                link -> link.removeToxic(toxicName));
    }

    public synchronized void removeAllToxics() {
        for (InstalledToxic toxic : view().toxics()) {
            removeToxic(toxic.name());
        }
    }

    /** Changes a chain and queues the change on every live connection (see {@link Connection#change}). */
    private void change(Direction direction, UnaryOperator<List<InstalledToxic>> edit, Consumer<Link> onLink) {
        synchronized (live) {
            if (direction == Direction.UPSTREAM) {
                upstreamChain = edit.apply(upstreamChain);
            } else {
                downstreamChain = edit.apply(downstreamChain);
            }
            for (Connection c : connections) {
                c.change(connection -> {
                    Link link = connection.link(direction);
                    if (link != null) {
                        onLink.accept(link);
                        link.flush();
                    }
                });
            }
        }
    }

    /** The chains a new connection starts with: [upstream, downstream]. */
    List<List<InstalledToxic>> chainsFor(Connection connection) {
        synchronized (live) {
            return List.of(upstreamChain, downstreamChain);
        }
    }

    void forget(Connection connection) {
        synchronized (live) {
            connections.remove(connection);
        }
    }

    private void accept(Channel client) {
        Connection connection = new Connection(this, client);
        String target;
        synchronized (live) {
            if (listener == null) {
                client.close();
                return;
            }
            connections.add(connection);
            target = upstream;
        }
        InetSocketAddress address;
        try {
            HostPort hp = HostPort.parse(target);
            address = new InetSocketAddress(hp.host(), hp.port());
        } catch (IllegalArgumentException e) {
            address = null;
        }
        if (address == null || address.isUnresolved()) {
            connection.close();
            forget(connection);
            return;
        }
        connection.dial(transport, address);
    }

    private InstalledToxic find(String toxicName) {
        synchronized (live) {
            for (List<InstalledToxic> chain : List.of(upstreamChain, downstreamChain)) {
                for (InstalledToxic t : chain) {
                    if (t.name().equals(toxicName)) {
                        return t;
                    }
                }
            }
            return null;
        }
    }

    private static List<InstalledToxic> append(List<InstalledToxic> chain, InstalledToxic toxic) {
        List<InstalledToxic> longer = new ArrayList<>(chain);
        longer.add(toxic);
        return List.copyOf(longer);
    }

    private static void awaitAll(List<Future<?>> futures) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(APPLY_TIMEOUT_MILLIS);
        for (Future<?> f : futures) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // a connection that closed meanwhile or a slow loop must not fail the API call
            }
        }
    }

    private static String bindError(InetSocketAddress bind, Throwable cause) {
        String reason = String.valueOf(cause.getMessage());
        if (reason.toLowerCase().contains("address already in use")) {
            reason = "address already in use";
        } else if (reason.toLowerCase().contains("cannot assign requested address")) {
            reason = "cannot assign requested address";
        }
        String host = bind.getAddress() == null || bind.getAddress().isAnyLocalAddress()
                ? "" : HostPort.formatBound(bind).replaceFirst(":\\d+$", "");
        return "listen tcp " + host + ":" + bind.getPort() + ": bind: " + reason;
    }
}
