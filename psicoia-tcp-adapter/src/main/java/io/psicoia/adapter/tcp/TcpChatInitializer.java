package io.psicoia.adapter.tcp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** One connection's pipeline, from bytes to the conversation. */
final class TcpChatInitializer extends ChannelInitializer<SocketChannel> {

    private static final int FLUSHES_BEFORE_FORCED_FLUSH = 64;

    private final TcpServerConfig config;
    private final ConnectionLimiter limiter;
    private final TrustedProxies trusted;
    private final SessionFactory sessions;
    private final ChannelGroup open;

    TcpChatInitializer(
            TcpServerConfig config,
            ConnectionLimiter limiter,
            TrustedProxies trusted,
            SessionFactory sessions,
            ChannelGroup open) {
        this.config = config;
        this.limiter = limiter;
        this.trusted = trusted;
        this.sessions = sessions;
        this.open = open;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addLast("limits", limiter);
        // Coalesces the flushes made while a read is being handled (refusals written inline) into one syscall.
        // Outside reads the session already flushes once per batch of queued text, so consolidating there too would
        // only add a scheduled task per reply.
        p.addLast("flushes", new FlushConsolidationHandler(FLUSHES_BEFORE_FORCED_FLUSH, false));
        p.addLast("framer", new BoundedLineDecoder(config.maxMessageChars()));
        // Reader-idle only: watching writes too would cost a listener on every write, and the session never closes
        // a connection whose reply is still pending anyway.
        p.addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("chat", sessions.create(limiter, trusted));
        open.add(channel);
    }
}
