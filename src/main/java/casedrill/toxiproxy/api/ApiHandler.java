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
import java.security.SecureRandom;
import java.util.concurrent.Executor;

/**
 * Hands each request to the API executor (its calls wait for event loops, so they must not run
 * on one) and writes the reply with the reference server's headers.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final char[] ID_ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiRouter router;
    private final Executor executor;

    ApiHandler(ApiRouter router, Executor executor) {
        this.router = router;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String method = request.method().name();
        String uri = request.uri();
        String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT);
        byte[] body = ByteBufUtil.getBytes(request.content());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        executor.execute(() -> {
            ApiResponse reply = router.handle(method, uri, userAgent, body);
            FullHttpResponse response = toHttp(reply);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        });
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
            response.headers().set("X-Toxiproxy-Request-Id", requestId());
        }
        if (reply.status() != 204) {
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        return response;
    }

    /** 20 characters like the xid ids the reference server uses. */
    private static String requestId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
