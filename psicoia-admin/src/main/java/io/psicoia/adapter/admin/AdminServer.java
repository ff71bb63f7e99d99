package io.psicoia.adapter.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP listener of a PsicoIA process: {@code /healthz} (alive), {@code /readyz} (ready to serve) and
 * {@code /metrics} (Prometheus text format). One small event loop of its own, so a busy chat never delays a health
 * check; bound to loopback unless told otherwise, since metrics are for the operator only.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    /** A request is a line and a few headers; anything bigger is refused. */
    static final int MAX_REQUEST_BYTES = 8 * 1024;
    /** A client that sends nothing for this long is dropped. */
    static final int READ_TIMEOUT_SECONDS = 10;

    private final String host;
    private final int port;
    private final PrometheusMeterRegistry registry;
    private final Readiness readiness;
    private final EventLoopGroup group;
    private Channel listener;

    public AdminServer(String host, int port, PrometheusMeterRegistry registry, Readiness readiness) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("psicoia-admin", true), NioIoHandler.newFactory());
    }

    /**
     * Binds the listener.
     *
     * @return the bound port (useful with port 0)
     * @throws java.net.BindException (sneakily, as Netty reports it) when the address is in use or not available
     */
    public int start() throws InterruptedException {
        AdminHandler handler = new AdminHandler(registry, readiness);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec(MAX_REQUEST_BYTES, MAX_REQUEST_BYTES, MAX_REQUEST_BYTES))
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(handler);
                    }
                });
        try {
            listener = bootstrap.bind(host, port).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        int bound = ((InetSocketAddress) listener.localAddress()).getPort();
        LOG.info("event=admin.listening host={} port={}", host, bound);
        return bound;
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
