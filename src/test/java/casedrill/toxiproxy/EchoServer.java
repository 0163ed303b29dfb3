package casedrill.toxiproxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A loopback TCP echo server for tests; reads only while its replies can be written. */
final class EchoServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel listener;

    private EchoServer(EventLoopGroup group, Channel listener) {
        this.group = group;
        this.listener = listener;
    }

    static EchoServer start() {
        return start("127.0.0.1");
    }

    /** Listens on an ephemeral port of {@code bindHost}, e.g. the Docker bridge gateway for containers. */
    static EchoServer start(String bindHost) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Channel listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Echo());
                    }
                })
                .bind(new InetSocketAddress(bindHost, 0))
                .syncUninterruptibly()
                .channel();
        return new EchoServer(group, listener);
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    String address() {
        return ((InetSocketAddress) listener.localAddress()).getHostString() + ":" + port();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
