package casedrill.toxiproxy;

import io.netty.channel.EventLoopGroup;
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

/** The one event loop group of a server, on epoll where the platform has it, else NIO. */
record Transport(EventLoopGroup group, Class<? extends ServerChannel> serverChannel, Class<? extends SocketChannel> socketChannel) {

    static Transport create(int threads) {
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("toxiproxy", true);
        if (Epoll.isAvailable()) {
            IoHandlerFactory io = EpollIoHandler.newFactory();
            return new Transport(new MultiThreadIoEventLoopGroup(threads, threadFactory, io),
                    EpollServerSocketChannel.class, EpollSocketChannel.class);
        }
        return new Transport(new MultiThreadIoEventLoopGroup(threads, threadFactory, NioIoHandler.newFactory()),
                NioServerSocketChannel.class, NioSocketChannel.class);
    }

    boolean epoll() {
        return serverChannel == EpollServerSocketChannel.class;
    }
}
