package io.psicoia.gateway.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;

/**
 * What a WebSocket session does with an exception, the same in the bridge and in the echo server: a message over the
 * limit assembled from fragments gets 1009 (the frame aggregator only reports it); a frame the codec found corrupt
 * (1002, 1007, 1009 for one frame) has already been answered with its Close frame by the codec, so the connection
 * just closes; anything else (resets, TLS) closes. Only the exception's type is logged: messages can carry input.
 */
final class WebSocketErrors {

    private WebSocketErrors() {}

    /** Handles {@code cause}; returns whether a Close frame of the gateway's own was sent. */
    static boolean handle(ChannelHandlerContext ctx, Throwable cause, Logger log, String session) {
        if (cause instanceof TooLongFrameException) {
            log.debug("event=ws.message_too_big session={}", session);
            ctx.channel()
                    .writeAndFlush(new CloseWebSocketFrame(
                            WebSocketCloseStatus.MESSAGE_TOO_BIG, GatewayTexts.fitReason(GatewayTexts.TOO_BIG)))
                    .addListener(ChannelFutureListener.CLOSE);
            return true;
        }
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            log.debug(
                    "event=ws.protocol_error session={} code={}",
                    session,
                    corrupted.closeStatus().code());
        } else {
            log.debug(
                    "event=ws.error session={} type={}",
                    session,
                    cause.getClass().getSimpleName());
        }
        ctx.close();
        return false;
    }
}
