package io.psicoia.gateway.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.util.AttributeKey;

/**
 * Turns the empty write Netty 4.2's frame decoder makes when a Close frame carries a status code no endpoint may send
 * (it then hangs up without a Close of its own) into one Close 1002, as RFC 6455 §7.4 asks. Placed right before the
 * frame decoder once the handshake is done, so only the decoder's own writes can be empty buffers there; every Close
 * frame passes it too, so after one was sent nothing is turned into a second. Shared; its state is a channel
 * attribute.
 */
@Sharable
final class DecoderCloseFix extends ChannelOutboundHandlerAdapter {

    static final DecoderCloseFix INSTANCE = new DecoderCloseFix();

    private DecoderCloseFix() {}

    /** Adds the fix in front of the WebSocket frame decoder, if there is one. */
    static void install(ChannelPipeline pipeline) {
        var decoder = pipeline.context(WebSocketFrameDecoder.class);
        if (decoder != null && pipeline.get(DecoderCloseFix.class) == null) {
            pipeline.addBefore(decoder.name(), "close-fix", INSTANCE);
        }
    }

    /** Set once a Close frame went out on the channel: after that nothing may turn into a second one. */
    private static final AttributeKey<Boolean> CLOSE_SENT = AttributeKey.valueOf(DecoderCloseFix.class, "closeSent");

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof CloseWebSocketFrame) {
            ctx.channel().attr(CLOSE_SENT).set(Boolean.TRUE);
        } else if (msg instanceof ByteBuf buf
                && !buf.isReadable()
                && ctx.channel().attr(CLOSE_SENT).setIfAbsent(Boolean.TRUE) == null) {
            buf.release();
            ctx.write(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR, "Invalid close code"), promise);
            return;
        }
        ctx.write(msg, promise);
    }
}
