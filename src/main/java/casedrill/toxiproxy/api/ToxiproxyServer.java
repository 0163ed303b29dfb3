package casedrill.toxiproxy.api;

import casedrill.toxiproxy.Proxies;
import casedrill.toxiproxy.ProxySpec;
import casedrill.toxiproxy.ToxiproxyException;
import casedrill.toxiproxy.Transport;
import casedrill.toxiproxy.api.ApiServer;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An in-process Toxiproxy 2.x compatible server: the HTTP API on one address and every proxy's
 * data plane, all on one shared Netty event loop group.
 *
 * <pre>{@code
 * try (ToxiproxyServer s = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0))) {
 *     new ToxiproxyClient("127.0.0.1", s.apiPort()).createProxy(...);
 * }
 * }</pre>
 */
public final class ToxiproxyServer implements AutoCloseable {
    /** The reference release whose behaviour this server reproduces. */
    public static final String VERSION = "2.12.0";

    private final Transport transport;
    private final EventLoopGroup apiLoop;
    private final Proxies proxies;
    private final Channel api;

    private ToxiproxyServer(Transport transport, EventLoopGroup apiLoop, Proxies proxies, Channel api) {
        this.transport = transport;
        this.apiLoop = apiLoop;
        this.proxies = proxies;
        this.api = api;
    }

    public static ToxiproxyServer start(InetSocketAddress apiAddress) {
        return start(apiAddress, List.of());
    }

    /**
     * Starts the API and then creates {@code initial} proxies as /populate would.
     *
     * @throws ToxiproxyException if an initial proxy cannot be created (the server is closed again)
     * @throws IllegalStateException if the API address cannot be bound
     */
    public static ToxiproxyServer start(InetSocketAddress apiAddress, List<ProxySpec> initial) {
        Transport transport = Transport.create(Math.max(2, Runtime.getRuntime().availableProcessors()));
        // One thread of its own for the API: its calls wait for the data plane's loops, so they must not
        // run on one of those, and a request answered on the thread that read it costs no hand-off.
        EventLoopGroup apiLoop = transport.newGroup(1, "toxiproxy-api");
        Proxies proxies = new Proxies(transport);
        Channel api;
        try {
            api = ApiServer.bind(apiLoop, transport.serverChannel(), apiAddress, proxies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(transport, apiLoop);
            throw new IllegalStateException("interrupted while binding the Toxiproxy API on " + apiAddress, e);
        } catch (RuntimeException e) {
            shutdown(transport, apiLoop);
            throw new IllegalStateException("cannot bind the Toxiproxy API on " + apiAddress + ": " + e.getMessage(), e);
        }
        ToxiproxyServer server = new ToxiproxyServer(transport, apiLoop, proxies, api);
        try {
            proxies.populate(initial, new ArrayList<>());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public InetSocketAddress apiAddress() {
        return (InetSocketAddress) api.localAddress();
    }

    public int apiPort() {
        return apiAddress().getPort();
    }

    /** The proxies, for in-process callers that want no HTTP round trip. */
    public Proxies proxies() {
        return proxies;
    }

    /** Whether the data plane runs on epoll (else NIO). */
    public boolean nativeTransport() {
        return transport.epoll();
    }

    @Override
    public void close() {
        api.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        proxies.closeAll();
        shutdown(transport, apiLoop);
    }

    private static void shutdown(Transport transport, EventLoopGroup apiLoop) {
        apiLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        transport.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
