package io.psicoia.gateway.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a WebSocket honest once it is open: drops the HTTP-only stages (routes, request timeout), pings every
 * {@code interval}, and closes a connection that let two pings go unanswered (any frame from the browser counts as an
 * answer). Pongs stop here. One per connection.
 */
final class KeepAliveHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAliveHandler.class);
    static final int MAX_MISSED_PONGS = 2;

    private final long intervalMillis;
    private ScheduledFuture<?> timer;
    private int missed;

    KeepAliveHandler(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            if (ctx.pipeline().get(WsGatewayInitializer.REQUEST_TIMEOUT) != null) {
                ctx.pipeline().remove(WsGatewayInitializer.REQUEST_TIMEOUT);
            }
            if (ctx.pipeline().get(WsGatewayInitializer.ROUTES) != null) {
                ctx.pipeline().remove(WsGatewayInitializer.ROUTES);
            }
            DecoderCloseFix.install(ctx.pipeline());
            timer = ctx.executor()
                    .scheduleAtFixedRate(() -> tick(ctx), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
        ctx.fireUserEventTriggered(event);
    }

    private void tick(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            cancel();
            return;
        }
        if (missed >= MAX_MISSED_PONGS) {
            LOG.debug("event=ws.no_pong missed={}", missed);
            cancel();
            ctx.channel()
                    .writeAndFlush(new CloseWebSocketFrame(
                            WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, GatewayTexts.fitReason(GatewayTexts.NO_PONG)))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        missed++;
        ctx.writeAndFlush(new PingWebSocketFrame());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        missed = 0;
        if (msg instanceof PongWebSocketFrame pong) {
            pong.release();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
