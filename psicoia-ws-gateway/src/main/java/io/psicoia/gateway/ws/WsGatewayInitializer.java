package io.psicoia.gateway.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One connection's pipeline, from bytes to the session: TLS (optional) → HTTP codec → request aggregation → request
 * timeout → routes (files, health, Origin check) → Close-code check → WebSocket protocol (handshake, UTF-8 validation, control frames)
 * → message aggregation up to the limit → keep-alive pings → the session (the bridge, or an echo for conformance
 * tests).
 */
final class WsGatewayInitializer extends ChannelInitializer<SocketChannel> {

    static final String REQUEST_TIMEOUT = "request-timeout";
    static final String ROUTES = "routes";

    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_BYTES = 8192;
    private static final int MAX_CHUNK_BYTES = 8192;
    /** Only GETs are served; a body of any other method is read this far before its 405. */
    private static final int MAX_REQUEST_BODY = 8192;

    private final WsGatewayConfig config;
    private final String wsPath;
    private final Optional<SslContext> tls;
    private final StaticFiles files;
    private final AppHealth health;
    private final Supplier<ChannelHandler> sessions;
    private final ChannelGroup open;
    private final GatewayCounters counters;
    private final WebSocketServerProtocolConfig protocol;

    WsGatewayInitializer(
            WsGatewayConfig config,
            String wsPath,
            Optional<SslContext> tls,
            StaticFiles files,
            AppHealth health,
            Supplier<ChannelHandler> sessions,
            ChannelGroup open,
            GatewayCounters counters) {
        this.counters = counters;
        this.config = config;
        this.wsPath = wsPath;
        this.tls = tls;
        this.files = files;
        this.health = health;
        this.sessions = sessions;
        this.open = open;
        this.protocol = protocolConfig(config, wsPath);
    }

    /** The WebSocket settings: exactly one Close frame per connection, quick to hang up, strict decoding. */
    static WebSocketServerProtocolConfig protocolConfig(WsGatewayConfig config, String wsPath) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(wsPath)
                .checkStartsWith(false)
                .handshakeTimeoutMillis(config.handshakeTimeout().toMillis())
                // Netty's default would send a second Close ("Bye", 1000) after a protocol error's Close.
                .sendCloseFrame(null)
                .forceCloseTimeoutMillis(config.closeTimeout().toMillis())
                .handleCloseFrames(true)
                // Pongs go on to the keep-alive, which counts them.
                .dropPongFrames(false)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxMessageBytes())
                        .expectMaskedFrames(true)
                        .allowMaskMismatch(false)
                        .allowExtensions(false)
                        .closeOnProtocolViolation(true)
                        .withUTF8Validator(true)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (open.size() >= config.maxConnections()) {
            counters.countRefused(GatewayCounters.Refusal.FULL);
            refuseFull(channel);
            return;
        }
        ChannelPipeline p = channel.pipeline();
        tls.ifPresent(context -> p.addLast("tls", context.newHandler(channel.alloc())));
        p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK_BYTES));
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BODY));
        p.addLast(REQUEST_TIMEOUT, new RequestTimeoutHandler(config.handshakeTimeout()));
        p.addLast(ROUTES, new HttpRouteHandler(wsPath, files, health, config.allowedOrigins(), counters));
        p.addLast("close-check", CloseFrameCheck.INSTANCE);
        p.addLast("ws", new WebSocketServerProtocolHandler(protocol));
        p.addLast("ws-aggregator", new WebSocketFrameAggregator(config.maxMessageBytes()));
        p.addLast("keepalive", new KeepAliveHandler(config.pingInterval()));
        p.addLast("session", sessions.get());
        open.add(channel);
    }

    /**
     * Over {@code WS_MAX_CONNECTIONS}: a short 503 in Spanish and close, before any handler or buffer is set up. (The
     * page sees a failed connection and retries with backoff.) Over TLS the client cannot read it; it sees the close.
     */
    private static void refuseFull(SocketChannel channel) {
        byte[] body = GatewayTexts.FULL.getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 60\r\n"
                        + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteBuf response = channel.alloc().buffer(head.length() + body.length);
        response.writeCharSequence(head, StandardCharsets.US_ASCII);
        response.writeBytes(body);
        channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
