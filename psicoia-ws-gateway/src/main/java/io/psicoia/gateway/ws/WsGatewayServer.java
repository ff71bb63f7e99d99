package io.psicoia.gateway.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PsicoIA WebSocket gateway ({@code psicoia gateway}): serves the web client over HTTP and bridges each WebSocket
 * at {@code /ws} to its own TCP connection to the app. Owns its event loops and listening socket; {@link #start()}
 * binds and returns the port; {@link #close()} tells every browser with a 1001 Close and stops.
 */
public final class WsGatewayServer implements AutoCloseable {

    /** Fired into every session's pipeline when the gateway stops: the session closes with 1001. */
    static final Object GOING_AWAY = new Object() {
        @Override
        public String toString() {
            return "GOING_AWAY";
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(WsGatewayServer.class);
    private static final Duration HEALTH_TTL = Duration.ofSeconds(2);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final WsGatewayConfig config;
    private final Function<Context, Supplier<ChannelHandler>> sessionFactory;
    private final String wsPath;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup sessions;
    private final IpSessionLimiter limiter;
    private final NettyTransport transport = NettyTransport.best();
    private final GatewayCounters counters = new GatewayCounters();
    private volatile Channel listener;
    private boolean closed;

    /** What a session handler may need, known once the server starts. */
    record Context(
            WsGatewayConfig config,
            InetSocketAddress app,
            IpSessionLimiter limiter,
            GatewayCounters counters,
            NettyTransport transport) {}

    /** A gateway that bridges every WebSocket to the app named in {@code config}. */
    public WsGatewayServer(WsGatewayConfig config) {
        this(
                config,
                context -> () -> new BrowserFrontendHandler(
                        context.config(),
                        context.app(),
                        context.limiter(),
                        context.counters(),
                        WATER_MARK,
                        context.transport().socketChannel()),
                HttpRouteHandler.WS_PATH);
    }

    /**
     * A gateway whose sessions are made by {@code sessionFactory}, with the WebSocket at {@code wsPath} (the echo
     * server for conformance tests, whose client only knows {@code /}).
     */
    WsGatewayServer(WsGatewayConfig config, Function<Context, Supplier<ChannelHandler>> sessionFactory, String wsPath) {
        this.config = Objects.requireNonNull(config, "config");
        this.wsPath = Objects.requireNonNull(wsPath, "wsPath");
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.boss = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("psicoia-ws-accept", true), transport.ioHandlerFactory());
        this.workers = new MultiThreadIoEventLoopGroup(
                0, new DefaultThreadFactory("psicoia-ws-io", true), transport.ioHandlerFactory());
        this.sessions = new DefaultChannelGroup("psicoia-ws-sessions", GlobalEventExecutor.INSTANCE);
        this.limiter = new IpSessionLimiter(config.maxConnectionsPerIp());
    }

    /**
     * Reads the TLS files (when configured) and binds the listening socket.
     *
     * @return the bound port (useful with port 0)
     * @throws IllegalArgumentException when the TLS certificate or key cannot be used
     * @throws java.net.BindException (sneakily, as Netty reports it) when the address is in use or not available
     */
    public int start() throws InterruptedException {
        Optional<SslContext> tls = config.tls().map(WsGatewayServer::sslContext);
        // Resolved once here, off the event loops; an unresolvable name is retried at each connect.
        InetSocketAddress app = new InetSocketAddress(config.appHost(), config.appPort());
        Context context = new Context(config, app, limiter, counters, transport);
        StaticFiles files = new StaticFiles(config.staticRoot(), WsGatewayServer.class.getClassLoader());
        AppHealth health =
                new AppHealth(app, transport.socketChannel(), Duration.ofSeconds(1), HEALTH_TTL, System::nanoTime);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new WsGatewayInitializer(
                        config, wsPath, tls, files, health, sessionFactory.apply(context), sessions, counters));
        listener = NettyTransport.bind(bootstrap, config.host(), config.port());
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        LOG.info(
                "event=ws.listening port={} transport={} tls={} maxMessageBytes={} maxConnectionsPerIp={}"
                        + " allowedOrigins={}",
                port,
                transport.name().toLowerCase(java.util.Locale.ROOT),
                tls.isPresent(),
                config.maxMessageBytes(),
                config.maxConnectionsPerIp(),
                config.allowedOrigins().size());
        return port;
    }

    /** Sessions opened and browsers turned away, since the gateway was made. */
    public GatewayCounters counters() {
        return counters;
    }

    /** Open WebSocket sessions holding a per-address slot. */
    public int openSessions() {
        return limiter.open();
    }

    /** Open connections of every kind (page requests, upgrades, WebSockets): what {@code WS_MAX_CONNECTIONS} caps. */
    public int openConnections() {
        return sessions.size();
    }

    /** Whether the listener is open and accepting connections. */
    public boolean isAccepting() {
        Channel bound = listener;
        return bound != null && bound.isActive();
    }

    /** Stops accepting connections; open ones go on. */
    public synchronized void stopAccepting() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
    }

    /** Stops: tells every browser (1001), waits briefly for their Close replies, then closes everything. */
    @Override
    public void close() {
        shutdown(DEFAULT_GRACE);
    }

    /** Stops, waiting up to {@code grace} for browsers to answer the 1001 Close. */
    public synchronized void shutdown(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("event=ws.stopping open={}", sessions.size());
        stopAccepting();
        for (Channel channel : sessions) {
            channel.eventLoop().execute(() -> channel.pipeline().fireUserEventTriggered(GOING_AWAY));
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() - deadline < 0 && limiter.open() > 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sessions.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        LOG.info("event=ws.stopped");
    }

    private static SslContext sslContext(WsGatewayConfig.Tls files) {
        try {
            return SslContextBuilder.forServer(
                            files.certificateChain().toFile(),
                            files.privateKey().toFile())
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "TLS certificate or key could not be used (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
