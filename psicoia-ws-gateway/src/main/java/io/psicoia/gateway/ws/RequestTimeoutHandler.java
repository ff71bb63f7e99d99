package io.psicoia.gateway.ws;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a connection whose HTTP request does not arrive whole in time (slowloris): the clock starts when the
 * connection opens and again after each response, and stops when a complete request was decoded. Removed once the
 * connection became a WebSocket (the ping keep-alive watches it from then on). Sits after the aggregator.
 */
final class RequestTimeoutHandler extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTimeoutHandler.class);

    private final long timeoutMillis;
    private ScheduledFuture<?> timer;

    RequestTimeoutHandler(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest) {
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse) {
            // The next request on this keep-alive connection gets its own full timeout.
            ctx.write(msg, promise.unvoid()).addListener(future -> {
                if (ctx.channel().isActive() && ctx.pipeline().context(this) != null) {
                    arm(ctx);
                }
            });
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        timer = ctx.executor()
                .schedule(
                        () -> {
                            LOG.debug("event=http.request_timeout timeoutMs={}", timeoutMillis);
                            ctx.channel().close();
                        },
                        timeoutMillis,
                        TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
