package casedrill.toxiproxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Connects one socket to its connection: what it reads goes into the link of {@code reads}. */
final class RelayHandler extends ChannelInboundHandlerAdapter {
    private final Connection connection;
    private final Direction reads;
    private final Direction writes;

    RelayHandler(Connection connection, Direction reads) {
        this.connection = connection;
        this.reads = reads;
        this.writes = reads == Direction.UPSTREAM ? Direction.DOWNSTREAM : Direction.UPSTREAM;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // a toxic change whose API call has returned must act on every byte read after it
        connection.applyChanges();
        Link link = connection.link(reads);
        if (link == null) {
            ((ByteBuf) msg).release();
            return;
        }
        link.onRead((ByteBuf) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Link link = connection.link(reads);
        if (link != null) {
            link.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Link feeding = connection.link(writes);
        if (feeding != null) {
            feeding.updateReadability();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.applyChanges();
        connection.socketClosed(reads);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // resets and broken pipes are ordinary here; the close propagates like an EOF
        ctx.close();
    }
}
