package io.psicoia.gateway.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Answers a Close frame whose status code no endpoint may send (0–999, 1004–1006, 1015–2999, 5000 and up) with one
 * Close 1002, as RFC 6455 §7.4 asks; Netty 4.2's decoder lets some of them through and its handshaker then closes
 * without a Close frame (or echoes 5000). Sits between the frame decoder and the WebSocket protocol handler.
 * Stateless, so one instance serves every connection.
 */
@Sharable
final class CloseFrameCheck extends ChannelInboundHandlerAdapter {

    static final CloseFrameCheck INSTANCE = new CloseFrameCheck();

    private CloseFrameCheck() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame close
                && close.content().readableBytes() >= 2
                && !sendable(close.statusCode())) {
            close.release();
            ctx.channel()
                    .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR, "Invalid close code"))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Codes an endpoint may put in a Close frame. */
    static boolean sendable(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
