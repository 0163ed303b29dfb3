package casedrill.toxiproxy.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Answers each request on the API's own thread, with the reference server's headers. */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ApiRouter router;

    ApiHandler(ApiRouter router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ApiResponse reply = router.handle(request.method().name(), request.uri(),
                request.headers().get(HttpHeaderNames.USER_AGENT), ByteBufUtil.getBytes(request.content()));
        FullHttpResponse response = toHttp(reply);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse toHttp(ApiResponse reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()),
                Unpooled.wrappedBuffer(reply.body().getBytes(StandardCharsets.UTF_8)));
        if (reply.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        }
        if (ApiResponse.TEXT.equals(reply.contentType())) {
            response.headers().set("X-Content-Type-Options", "nosniff");
        }
        if (reply.routed()) {
            response.headers().set("X-Toxiproxy-Request-Id", RequestIds.next());
        }
        if (reply.status() != 204) {
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
