package casedrill.toxiproxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The benchmark's end points: an epoll echo server and sink on one thread, and HAProxy in front of them. */
final class BenchPeers {
    private BenchPeers() {}

    /** Echo (ping-pong, connection setup) and sink (bulk throughput) servers. */
    static final class Servers implements AutoCloseable {
        private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        /** Every byte the sink has read, so a throughput run can wait until delivery, not just until written. */
        final AtomicLong sunk = new AtomicLong();
        final Channel echo = bind(true);
        final Channel sink = bind(false);

        private Channel bind(boolean echoes) {
            return new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(echoes ? new EchoServer.Echo() : new Sink(sunk));
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        }

        static int port(Channel ch) {
            return ((InetSocketAddress) ch.localAddress()).getPort();
        }

        @Override
        public void close() {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static final class Sink extends ChannelInboundHandlerAdapter {
        private final AtomicLong sunk;

        Sink(AtomicLong sunk) {
            this.sunk = sunk;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            sunk.addAndGet(((ByteBuf) msg).readableBytes());
            ((ByteBuf) msg).release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** HAProxy 2.x in the foreground as a plain TCP proxy; stopped by its PID. */
    static final class Haproxy implements AutoCloseable {
        private final Process process;
        final int echoPort;
        final int sinkPort;

        Haproxy(Path dir, int echoUpstream, int sinkUpstream) throws IOException, InterruptedException {
            echoPort = freePort();
            sinkPort = freePort();
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, String.join("\n",
                    "global", "  maxconn 4096",
                    "defaults", "  mode tcp", "  timeout connect 5s", "  timeout client 60s", "  timeout server 60s",
                    "listen echo", "  bind 127.0.0.1:" + echoPort, "  server s1 127.0.0.1:" + echoUpstream,
                    "listen sink", "  bind 127.0.0.1:" + sinkPort, "  server s1 127.0.0.1:" + sinkUpstream, ""),
                    StandardCharsets.UTF_8);
            process = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!accepts(echoPort) || !accepts(sinkPort)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException("haproxy did not start; see " + dir.resolve("haproxy.log"));
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static boolean accepts(int port) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static int freePort() throws IOException {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
