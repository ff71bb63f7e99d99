package io.psicoia.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.psicoia.adapter.tcp.NettyTransport;

/**
 * Bench-only servers for the gateway benchmarks (never part of the app):
 *
 * <ul>
 *   <li>{@code ws-floor --port W}: a bare Netty WebSocket echo server on {@code /ws} (every text or binary frame
 *       comes back as it came); what the load client and Netty's WebSocket codec reach with no bridge behind them.
 *   <li>{@code json-echo --port P}: a TCP line server that speaks just enough of the app's JSON protocol for the
 *       gateway to relay: the first line (the gateway's {@code hello}) is answered with one {@code welcome} line, every
 *       later line is echoed back unchanged. What the gateway relays to when it is measured alone.
 * </ul>
 *
 * Both use one boss thread and one I/O event loop per core, bind 127.0.0.1 with a 4096 backlog, and print {@code
 * bench-server port=N} when ready.
 */
public final class WsBenchServers {

    /** The servers' transport, as PsicoIA's own servers choose it (epoll on Linux), so the floor is as cheap as theirs. */
    private static final NettyTransport TRANSPORT = NettyTransport.best();

    private static final ByteBuf NEWLINE = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(new byte[] {'\n'}).asReadOnly());
    private static final String WELCOME = "{\"type\":\"welcome\",\"session\":\"bench\"}\n";

    private WsBenchServers() {}

    public static void main(String[] args) throws InterruptedException {
        Options options = new Options(args);
        String mode = options.positional(0, "");
        int port = options.integer("port", 0);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, TRANSPORT.ioHandlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                Runtime.getRuntime().availableProcessors(), TRANSPORT.ioHandlerFactory());
        ChannelInitializer<SocketChannel> initializer = switch (mode) {
            case "ws-floor" ->
                new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(65_536),
                                        new WebSocketServerProtocolHandler("/ws", null, false, 65_536),
                                        new WsEcho());
                    }
                };
            case "json-echo" ->
                new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LineBasedFrameDecoder(65_536), new JsonEcho());
                    }
                };
            default -> throw new IllegalArgumentException("usage: WsBenchServers ws-floor|json-echo --port P");
        };
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(TRANSPORT.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        var channel = bootstrap.bind("127.0.0.1", port).sync().channel();
        System.out.println("bench-server port=" + ((java.net.InetSocketAddress) channel.localAddress()).getPort()
                + " mode=" + mode);
        System.out.flush();
        channel.closeFuture().sync();
    }

    /** Echoes every data frame back; the protocol handler answers pings and closes. */
    private static final class WsEcho extends SimpleChannelInboundHandler<WebSocketFrame> {
        WsEcho() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
                ctx.write(frame);
            } else {
                frame.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** First line → {@code welcome}; every later line → itself. */
    private static final class JsonEcho extends SimpleChannelInboundHandler<ByteBuf> {
        private boolean welcomed;

        JsonEcho() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            if (!welcomed) {
                welcomed = true;
                line.release();
                ctx.write(ByteBufUtil.writeUtf8(ctx.alloc(), WELCOME));
                return;
            }
            ctx.write(line);
            ctx.write(NEWLINE.duplicate());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
