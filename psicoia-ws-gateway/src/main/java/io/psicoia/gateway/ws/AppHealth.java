package io.psicoia.gateway.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the app accepts TCP connections, for {@code /healthz}: a connect that is closed at once, without reading
 * (the app greets and forgets it). One probe at a time; its answer is kept for {@code ttl} so a busy health checker
 * does not become load on the app. Non-blocking: callers get a future completed on an event loop.
 */
final class AppHealth {

    private final SocketAddress app;
    /** The probe's channel class, matching the event loops' transport. */
    private final Class<? extends SocketChannel> channel;

    private final Duration connectTimeout;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private Promise<Boolean> inFlight;
    private boolean lastAnswer;
    private long answeredAt;
    private boolean answered;

    AppHealth(
            SocketAddress app,
            Class<? extends SocketChannel> channel,
            Duration connectTimeout,
            Duration ttl,
            LongSupplier nanoTime) {
        this.app = app;
        this.channel = channel;
        this.connectTimeout = connectTimeout;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether the app is reachable, probing on {@code loop} when the last answer is older than the ttl. */
    Future<Boolean> reachable(EventLoop loop) {
        Promise<Boolean> promise;
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (answered && now - answeredAt < ttlNanos) {
                return loop.newSucceededFuture(lastAnswer);
            }
            if (inFlight != null) {
                return inFlight;
            }
            promise = loop.newPromise();
            inFlight = promise;
        }
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(channel)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connectTimeout.toMillis()))
                .handler(new ChannelInboundHandlerAdapter())
                .connect(app);
        connect.addListener((ChannelFuture future) -> {
            boolean ok = future.isSuccess();
            if (ok) {
                future.channel().close();
            }
            synchronized (lock) {
                lastAnswer = ok;
                answeredAt = nanoTime.getAsLong();
                answered = true;
                inFlight = null;
            }
            promise.setSuccess(ok);
        });
        return promise;
    }
}
