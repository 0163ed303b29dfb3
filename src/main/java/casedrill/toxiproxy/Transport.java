package casedrill.toxiproxy;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The one event loop group of a server, on epoll where the platform has it, else NIO. Public for
 * {@code api.ToxiproxyServer}, which assembles the data plane and the HTTP API above this package.
 */
public record Transport(EventLoopGroup group, Class<? extends ServerChannel> serverChannel, Class<? extends SocketChannel> socketChannel) {
    /** Up to 256 KiB per read and 1 MiB queued per socket: fewer syscalls and autoRead toggles on bulk transfers. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
    static final RecvByteBufAllocator RECV_ALLOCATOR = new AdaptiveRecvByteBufAllocator(2048, 16 * 1024, 256 * 1024);

    /** The options of every proxied socket, client and upstream side alike. */
    static <B extends AbstractBootstrap<B, ?>> B socketOptions(B bootstrap, boolean child) {
        if (child && bootstrap instanceof ServerBootstrap server) {
            server.childOption(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECV_ALLOCATOR);
            return bootstrap;
        }
        return bootstrap.option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, RECV_ALLOCATOR);
    }

    public static Transport create(int threads) {
        if (Epoll.isAvailable()) {
            return new Transport(group(threads, "toxiproxy", true), EpollServerSocketChannel.class, EpollSocketChannel.class);
        }
        return new Transport(group(threads, "toxiproxy", false), NioServerSocketChannel.class, NioSocketChannel.class);
    }

    /** Another group of the same kind, for work that must not run on the data plane's threads. */
    public EventLoopGroup newGroup(int threads, String name) {
        return group(threads, name, epoll());
    }

    private static EventLoopGroup group(int threads, String name, boolean epoll) {
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    }

    public boolean epoll() {
        return serverChannel == EpollServerSocketChannel.class;
    }
}
