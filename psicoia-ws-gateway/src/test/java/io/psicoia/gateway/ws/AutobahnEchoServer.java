package io.psicoia.gateway.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own WebSocket pipeline (HTTP codec, Origin check, protocol handler, aggregation up to the message
 * limit, keep-alive) with an echo in place of the bridge, for Autobahn|Testsuite ({@code -Pautobahn}). The
 * fuzzing client connects to this host's {@link InetAddress#getLocalHost()} address on the port it passes, at
 * {@code /} (it knows no other path).
 */
public final class AutobahnEchoServer {

    private static final Logger LOG = LoggerFactory.getLogger(AutobahnEchoServer.class);

    private AutobahnEchoServer() {}

    /** {@code args[0]}: the port. Runs until the thread is interrupted. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String host = InetAddress.getLocalHost().getHostAddress();
        WsGatewayConfig d = WsGatewayConfig.DEFAULTS;
        WsGatewayConfig config = new WsGatewayConfig(
                host,
                port,
                "127.0.0.1",
                d.appPort(),
                List.of(),
                d.maxMessageBytes(),
                10_000,
                d.handshakeTimeout(),
                d.pingInterval(),
                Optional.empty(),
                d.staticRoot(),
                d.appConnectTimeout(),
                d.closeTimeout(),
                10_000);
        WsGatewayServer server = new WsGatewayServer(config, context -> EchoHandler::new, "/");
        server.start();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.shutdown(Duration.ZERO);
        }
    }

    /** Echoes text and binary messages as they arrived; errors as the bridge handles them. */
    static final class EchoHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
                ctx.writeAndFlush(frame.retain());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WsGatewayServer.GOING_AWAY) {
                ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            WebSocketErrors.handle(ctx, cause, LOG, "echo");
        }
    }
}
