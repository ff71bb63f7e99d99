package io.psicoia.gateway.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's half of one bridged session: lines from the app's TCP connection. The app greets in plain text before it
 * knows the client speaks JSON, so every line before {@code welcome} stays here (the browser sees {@code welcome}
 * first); from {@code welcome} on each line becomes one text frame, unchanged. When the app closes, the close code
 * follows from what it said: refused before {@code welcome} → 1013 with its refusal as the reason, {@code
 * shutting_down} → 1001, anything else → 1000.
 */
final class AppBackendHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AppBackendHandler.class);
    private static final ByteBuf SHUTTING_DOWN =
            Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer("\"shutting_down\"".getBytes(StandardCharsets.US_ASCII))
                    .asReadOnly());
    /** Longest line before welcome kept as a possible close reason; the app's refusals are one short sentence. */
    private static final int MAX_REASON_LINE_BYTES = 512;

    private final BrowserFrontendHandler browser;
    private boolean welcomed;
    private boolean stopping;
    private boolean failed;
    private int linesBeforeWelcome;
    private String refusal;

    AppBackendHandler(BrowserFrontendHandler browser) {
        this.browser = browser;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf line = (ByteBuf) msg;
        if (!welcomed) {
            try {
                beforeWelcome(line);
            } finally {
                if (!welcomed) {
                    line.release();
                }
            }
            if (!welcomed) {
                return;
            }
            // welcome itself is relayed
        } else if (!stopping && ByteBufUtil.indexOf(SHUTTING_DOWN, line) >= 0) {
            stopping = JsonLines.type(line).filter("error"::equals).isPresent()
                    && JsonLines.field(line, "code")
                            .filter("shutting_down"::equals)
                            .isPresent();
        }
        browser.fromApp(line);
    }

    private void beforeWelcome(ByteBuf line) {
        Optional<String> type = JsonLines.type(line);
        if (type.filter("welcome"::equals).isPresent()) {
            welcomed = true;
            return;
        }
        linesBeforeWelcome++;
        if (type.filter("error"::equals).isPresent()) {
            refusal = JsonLines.field(line, "message").orElse(null);
        } else if (type.isEmpty() && linesBeforeWelcome == 1 && line.readableBytes() <= MAX_REASON_LINE_BYTES) {
            // A connection refusal is the only line the app sends before closing (docs/protocol.md §4); the greeting
            // is three lines, so a first line is a candidate until a second one arrives.
            refusal = BrowserFrontendHandler.text(line);
        } else if (type.isEmpty()) {
            refusal = null;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        browser.appReadComplete();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // An app connection that does not drain stops the browser from being read.
        browser.appWritabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (failed) {
            browser.appClosed(WebSocketCloseStatus.INTERNAL_SERVER_ERROR.code(), GatewayTexts.INTERNAL);
        } else if (!welcomed) {
            String reason = refusal == null || refusal.isBlank() ? GatewayTexts.TRY_AGAIN_LATER : refusal;
            browser.appClosed(WebSocketCloseStatus.TRY_AGAIN_LATER.code(), reason);
        } else if (stopping) {
            browser.appClosed(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), GatewayTexts.APP_STOPPING);
        } else {
            browser.appClosed(WebSocketCloseStatus.NORMAL_CLOSURE.code(), GatewayTexts.CLOSED);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug(
                "event=app.error session={} type={}",
                browser.session(),
                cause.getClass().getSimpleName());
        failed = true;
        ctx.close();
    }
}
