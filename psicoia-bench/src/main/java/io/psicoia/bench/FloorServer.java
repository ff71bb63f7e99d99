package io.psicoia.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.psicoia.adapter.tcp.NettyTransport;
import java.net.InetSocketAddress;

/**
 * The floor: the least a line server can do on this machine with this load generator. It greets like PsicoIA (three
 * lines) and answers every line with {@link BenchServer#REPLY} at once on its event loop: no admission, no worker
 * thread, no conversation. PsicoIA's overhead is what it adds on top of this, measured in the same way.
 */
final class FloorServer {

    /** The servers' transport, as PsicoIA's own servers choose it (epoll on Linux), so the floor is as cheap as theirs. */
    private static final NettyTransport TRANSPORT = NettyTransport.best();

    private static final String GREETING = "Usuario-0 conectado.\nBienvenido a PsicoIA.\nContame.\n";

    private FloorServer() {}

    /** Starts on {@code port} with one I/O event loop per core; returns the bound port. */
    static int start(int port, int backlog) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, TRANSPORT.ioHandlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                Runtime.getRuntime().availableProcessors(), TRANSPORT.ioHandlerFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(TRANSPORT.serverChannel())
                .option(ChannelOption.SO_BACKLOG, backlog)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LineBasedFrameDecoder(16_000), new Answer());
                    }
                });
        return ((InetSocketAddress)
                        bootstrap.bind("127.0.0.1", port).sync().channel().localAddress())
                .getPort();
    }

    private static final class Answer extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), GREETING));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            ctx.write(ByteBufUtil.writeUtf8(ctx.alloc(), BenchServer.REPLY + "\n"));
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
