package io.psicoia.gateway.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ByteProcessor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's half of one bridged session: once the WebSocket handshake completes, opens exactly one TCP
 * connection to the app on this channel's own event loop, turns each text message into one line for the app (the
 * first one a {@code hello} carrying the browser's address as {@code peer}), and closes the browser with one Close
 * frame whose code says why the session ended. The app's half is {@link AppBackendHandler}.
 *
 * <p>Backpressure: each side reads only while the other side is writable (write-buffer water marks on both channels,
 * autoRead toggled in {@code channelWritabilityChanged}), so a browser that stops reading stops the app's connection
 * from being read, and the gateway holds at most about one high-water mark plus one read per direction.
 *
 * <p>Everything runs on the browser channel's event loop (the app connection shares it), so no state is shared
 * across threads. One instance per connection.
 */
final class BrowserFrontendHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserFrontendHandler.class);

    /** Lines from the app are short JSON objects; a longer one means something is wrong with the app. */
    static final int MAX_APP_LINE_BYTES = 1 << 20;

    private static final ByteBuf NEWLINE =
            Unpooled.unreleasableBuffer(Unpooled.directBuffer(1).writeByte('\n').asReadOnly());
    private static final ByteProcessor NOT_A_LINE_BREAK = b -> b != '\n' && b != '\r';

    private final WsGatewayConfig config;
    private final SocketAddress app;
    private final IpSessionLimiter limiter;
    private final WriteBufferWaterMark waterMark;
    private final String session = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    /** Text frames that arrived before the app connection was up; released if it never is. */
    private final ArrayDeque<ByteBuf> early = new ArrayDeque<>();

    private Channel browser;
    private Channel backend;
    private InetAddress address;
    private boolean slotHeld;
    private boolean helloSent;
    private boolean closing;
    private boolean backendFlushPending;
    private long openedNanos;
    private long framesIn;
    private long bytesIn;
    private long framesOut;
    private long bytesOut;

    private final GatewayCounters counters;
    /** The app connection's channel class: the browser's event loop's transport. */
    private final Class<? extends SocketChannel> appChannel;

    BrowserFrontendHandler(
            WsGatewayConfig config,
            SocketAddress app,
            IpSessionLimiter limiter,
            GatewayCounters counters,
            WriteBufferWaterMark waterMark,
            Class<? extends SocketChannel> appChannel) {
        this.counters = counters;
        this.appChannel = appChannel;
        this.config = config;
        this.app = app;
        this.limiter = limiter;
        this.waterMark = waterMark;
    }

    String session() {
        return session;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            onHandshake(ctx);
        } else if (event == WsGatewayServer.GOING_AWAY) {
            LOG.debug("event=ws.going_away session={}", session);
            closeBrowser(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), GatewayTexts.GATEWAY_STOPPING);
        }
        super.userEventTriggered(ctx, event);
    }

    private void onHandshake(ChannelHandlerContext ctx) {
        browser = ctx.channel();
        openedNanos = System.nanoTime();
        SocketAddress remote = browser.remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            address = inet.getAddress();
        }
        if (address != null) {
            if (!limiter.tryAcquire(address)) {
                LOG.debug("event=ws.refused session={} reason=too_many_from_address", session);
                counters.countRefused(GatewayCounters.Refusal.TOO_MANY_FROM_ADDRESS);
                closeBrowser(WebSocketCloseStatus.TRY_AGAIN_LATER.code(), GatewayTexts.TOO_MANY_FROM_ADDRESS);
                return;
            }
            slotHeld = true;
        }
        counters.countOpened();
        LOG.debug("event=ws.open session={}", session);
        // Nothing more from the browser until the app can take it.
        browser.config().setAutoRead(false);
        AppBackendHandler appHalf = new AppBackendHandler(this);
        ChannelFuture connect = new Bootstrap()
                .group(browser.eventLoop())
                .channel(appChannel)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, config.appConnectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("framer", new LineBasedFrameDecoder(MAX_APP_LINE_BYTES, true, false))
                                .addLast("app", appHalf);
                    }
                })
                .connect(app);
        backend = connect.channel();
        connect.addListener((ChannelFuture future) -> {
            if (!future.isSuccess()) {
                LOG.warn(
                        "event=app.unreachable session={} type={}",
                        session,
                        future.cause().getClass().getSimpleName());
                closeBrowser(WebSocketCloseStatus.INTERNAL_SERVER_ERROR.code(), GatewayTexts.APP_UNREACHABLE);
                return;
            }
            if (closing) {
                future.channel().close();
                return;
            }
            LOG.debug("event=app.connected session={}", session);
            for (ByteBuf text; (text = early.poll()) != null; ) {
                sendToApp(text);
            }
            flushBackend();
            // setAutoRead(true) asks for the next read by itself.
            browser.config().setAutoRead(backend.isWritable());
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (closing) {
            return;
        }
        if (frame instanceof TextWebSocketFrame) {
            onText(ctx, frame.content());
        } else if (frame instanceof BinaryWebSocketFrame) {
            LOG.debug(
                    "event=ws.refused_binary session={} bytes={}",
                    session,
                    frame.content().readableBytes());
            closeBrowser(WebSocketCloseStatus.INVALID_MESSAGE_TYPE.code(), GatewayTexts.TEXT_ONLY);
        }
    }

    private void onText(ChannelHandlerContext ctx, ByteBuf text) {
        framesIn++;
        bytesIn += text.readableBytes();
        if (text.forEachByte(NOT_A_LINE_BREAK) >= 0) {
            // One message is one line: a raw line break would smuggle extra lines into the app's protocol.
            LOG.debug("event=ws.refused_line_break session={} bytes={}", session, text.readableBytes());
            ctx.write(new TextWebSocketFrame(GatewayTexts.BAD_REQUEST_FRAME));
            return;
        }
        if (backend == null || !backend.isActive()) {
            early.add(text.retain());
            return;
        }
        sendToApp(text.retain());
    }

    /** Writes one message as one line to the app; takes ownership of {@code text}. */
    private void sendToApp(ByteBuf text) {
        if (!helloSent) {
            helloSent = true;
            String peer = address == null ? null : address.getHostAddress();
            Optional<ByteBuf> hello =
                    peer == null ? Optional.empty() : JsonLines.helloWithPeer(text, peer, backend.alloc());
            if (hello.isPresent()) {
                text.release();
                writeLine(hello.get());
                return;
            }
            String own = peer == null
                    ? "{\"type\":\"hello\",\"client\":\"" + JsonLines.GATEWAY_CLIENT + "\"}"
                    : JsonLines.gatewayHello(peer);
            writeLine(ByteBufUtil.writeUtf8(backend.alloc(), own));
        }
        writeLine(text);
    }

    private void writeLine(ByteBuf line) {
        backend.write(line, backend.voidPromise());
        backend.write(NEWLINE.duplicate(), backend.voidPromise());
        backendFlushPending = true;
    }

    private void flushBackend() {
        if (backendFlushPending && backend != null) {
            backendFlushPending = false;
            backend.flush();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flushBackend();
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A browser that does not read what the app says does not get the app read for it.
        if (backend != null && backend.isActive() && !closing) {
            backend.config().setAutoRead(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        for (ByteBuf text; (text = early.poll()) != null; ) {
            text.release();
        }
        if (slotHeld) {
            slotHeld = false;
            limiter.release(address);
        }
        if (backend != null && backend.isActive()) {
            backend.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        if (openedNanos != 0) {
            LOG.debug(
                    "event=ws.closed session={} durationMs={} framesIn={} bytesIn={} framesOut={} bytesOut={}",
                    session,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedNanos),
                    framesIn,
                    bytesIn,
                    framesOut,
                    bytesOut);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (WebSocketErrors.handle(ctx, cause, LOG, session)) {
            closing = true;
        }
    }

    // ---- called by the app's half, on this channel's event loop ----

    /** One line from the app, relayed as one text frame; takes ownership of {@code line}. */
    void fromApp(ByteBuf line) {
        if (closing || !browser.isActive()) {
            line.release();
            return;
        }
        framesOut++;
        bytesOut += line.readableBytes();
        browser.write(new TextWebSocketFrame(line), browser.voidPromise());
    }

    void appReadComplete() {
        if (browser != null) {
            browser.flush();
        }
    }

    void appWritabilityChanged(boolean writable) {
        if (!closing && browser.isActive()) {
            browser.config().setAutoRead(writable);
        }
    }

    /** The app closed the connection (or it broke): tell the browser why, with one Close frame. */
    void appClosed(int code, String reason) {
        closeBrowser(code, reason);
    }

    /**
     * Sends one Close frame after everything already written, then waits up to {@code closeTimeout} for the browser's
     * Close before hanging up. The WebSocket protocol handler drops anything written after it, so it stays the only
     * one; the app connection closes with it.
     */
    private void closeBrowser(int code, String reason) {
        if (closing || browser == null) {
            return;
        }
        closing = true;
        LOG.debug("event=ws.closing session={} code={}", session, code);
        Channel channel = browser;
        // Read on, so the browser's Close reply is seen and ends the connection at once.
        channel.config().setAutoRead(true);
        channel.writeAndFlush(new CloseWebSocketFrame(code, GatewayTexts.fitReason(reason)))
                .addListener((ChannelFuture future) -> {
                    if (!future.isSuccess()) {
                        channel.close();
                    } else {
                        channel.eventLoop()
                                .schedule(
                                        () -> {
                                            channel.close();
                                        },
                                        config.closeTimeout().toMillis(),
                                        TimeUnit.MILLISECONDS);
                    }
                });
        if (backend != null && backend.isActive()) {
            backend.close();
        }
    }

    /** UTF-8 bytes of a line, for close reasons only. */
    static String text(ByteBuf line) {
        return line.toString(StandardCharsets.UTF_8);
    }
}
