package io.psicoia.adapter.tcp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.psicoia.domain.port.in.EndConversationUseCase;
import io.psicoia.domain.port.in.SubmitMessageUseCase;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PsicoIA TCP chat server ({@code psicoia app}): owns its event loops and listening socket. {@link #start()} binds
 * and returns the port; {@link #close()} stops gracefully: no new connections, everyone connected is told, replies in
 * progress may finish within the grace period, then every connection closes.
 */
public final class TcpChatServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpChatServer.class);
    private static final long POLL_MILLIS = 50;
    private static final int IO_THREADS = Runtime.getRuntime().availableProcessors();

    private final TcpServerConfig config;
    private final ConnectionLimiter limiter;
    private final TcpChatInitializer initializer;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final NettyTransport transport = NettyTransport.best();
    private final ChannelGroup sessions;
    private Channel listener;
    private boolean closed;

    public TcpChatServer(TcpServerConfig config, SubmitMessageUseCase chat, EndConversationUseCase conversations) {
        this.config = Objects.requireNonNull(config, "config");
        this.boss = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("psicoia-tcp-accept", true), transport.ioHandlerFactory());
        // One I/O loop per core (Netty's default is two per core): the loops only move bytes and hand messages on,
        // and on a small machine extra loops are extra runnable threads competing with the workers for the cores.
        this.workers = new MultiThreadIoEventLoopGroup(
                IO_THREADS, new DefaultThreadFactory("psicoia-tcp-io", true), transport.ioHandlerFactory());
        this.sessions = new DefaultChannelGroup("psicoia-tcp-sessions", GlobalEventExecutor.INSTANCE);
        TrustedProxies trusted = TrustedProxies.parse(config.trustedProxies());
        this.limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerIp(), trusted);
        this.initializer = new TcpChatInitializer(
                config, limiter, trusted, new SessionFactory(config, chat, conversations, new AtomicLong()), sessions);
    }

    /**
     * Binds the listening socket.
     *
     * @return the bound port (useful with port 0)
     * @throws java.net.BindException (sneakily, as Netty reports it) when the address is in use or not available
     */
    public int start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, config.backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8 * 1024, 32 * 1024))
                .childHandler(initializer);
        listener = NettyTransport.bind(bootstrap, config.host(), config.port());
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        LOG.info(
                "event=tcp.listening port={} transport={} maxConnections={} maxConnectionsPerIp={} maxMessageChars={}",
                port,
                transport.name().toLowerCase(java.util.Locale.ROOT),
                config.maxConnections(),
                config.maxConnectionsPerIp(),
                config.maxMessageChars());
        return port;
    }

    /** Connections open right now. */
    public int openConnections() {
        return limiter.open();
    }

    /** Connections accepted since the server was made. */
    public long acceptedConnections() {
        return limiter.admitted();
    }

    /** Connections refused for {@code reason} since the server was made. */
    public long refusedConnections(ConnectionLimiter.Refusal reason) {
        return limiter.refused(reason);
    }

    /** Stops gracefully within the configured grace period. */
    @Override
    public void close() {
        shutdown(config.shutdownGrace());
    }

    /** Stops: no new connections, everyone told, replies finish within {@code grace}, then everything closes. */
    public synchronized void shutdown(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("event=tcp.stopping open={} graceMs={}", limiter.open(), grace.toMillis());
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        for (Channel channel : sessions) {
            ChatSessionHandler session = channel.pipeline().get(ChatSessionHandler.class);
            if (session != null) {
                channel.eventLoop().execute(session::announceShutdown);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() - deadline < 0 && activeReplies() > 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int unfinished = activeReplies();
        sessions.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        LOG.info("event=tcp.stopped unfinishedReplies={}", unfinished);
    }

    private int activeReplies() {
        int active = 0;
        for (Channel channel : sessions) {
            ChatSessionHandler session = channel.pipeline().get(ChatSessionHandler.class);
            if (session != null) {
                active += session.activeMessages();
            }
        }
        return active;
    }
}
