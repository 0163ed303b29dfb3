package casedrill.toxiproxy.api;

import casedrill.toxiproxy.Proxies;
import casedrill.toxiproxy.ProxySpec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.List;

/** The HTTP API listener. */
public final class ApiServer {
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private ApiServer() {}

    /**
     * Binds the API. Every request runs where it was read, on {@code group}'s one thread: one at a
     * time, in arrival order, and its reply written without a hand-off. That thread may wait for the
     * data plane, so it must not be one of the proxies' loops.
     */
    public static Channel bind(EventLoopGroup group, Class<? extends ServerChannel> channelType,
                               InetSocketAddress address, Proxies proxies) throws InterruptedException {
        ApiRouter router = new ApiRouter(proxies);
        return new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY_BYTES),
                                new ApiHandler(router));
                    }
                })
                .bind(address)
                .sync()
                .channel();
    }

    /** Reads a -config file: the same JSON array /populate takes. */
    public static List<ProxySpec> parseConfig(byte[] json) {
        return ProxyEndpoints.specs(JsonBody.parse(json));
    }
}
