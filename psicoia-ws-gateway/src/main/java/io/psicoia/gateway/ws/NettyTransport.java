package io.psicoia.gateway.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.Errors;
import java.net.BindException;

/**
 * The socket transport the server's event loops use: Linux's epoll through Netty's native library where it loads (it
 * ships in the jar for x86-64 and ARM64 Linux), Java NIO everywhere else. Epoll makes fewer system calls and less garbage per
 * message (measured: docs/benchmarks.md). Netty's own switch {@code -Dio.netty.transport.noNative=true} turns it off.
 * Channels must match their event loop's transport, so whatever creates channels takes their classes from here (the
 * app connection of each browser is opened on the browser's own event loop). The TCP adapter has the same choice; the
 * two adapters may not depend on each other, so each keeps its own copy of these few lines.
 */
enum NettyTransport {
    EPOLL,
    NIO;

    /** Epoll when the native library loaded, NIO otherwise. */
    static NettyTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** Makes the I/O handlers of an event loop group. */
    IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The listening socket's channel class. */
    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * Binds {@code bootstrap} to {@code host}:{@code port} and waits. A failure is thrown as Java NIO reports it
     * whichever transport is in use: epoll's native "address in use" or "cannot assign address" becomes the {@link
     * BindException} NIO throws, so callers handle one exception type for both.
     */
    static Channel bind(ServerBootstrap bootstrap, String host, int port) throws InterruptedException {
        ChannelFuture bound = bootstrap.bind(host, port).await();
        if (bound.isSuccess()) {
            return bound.channel();
        }
        Throwable cause = bound.cause();
        if (cause instanceof Errors.NativeIoException && cause.getMessage() != null) {
            BindException bind = new BindException(
                    cause.getMessage().replaceFirst("^bind\\(\\.\\.\\) failed( with error\\(-?\\d+\\))?: ", ""));
            bind.initCause(cause);
            cause = bind;
        }
        return Sneaky.<RuntimeException>rethrow(cause);
    }

    /** Throws a checked exception without declaring it, as Netty's {@code sync()} does. */
    private static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <T extends Throwable> Channel rethrow(Throwable t) throws T {
            throw (T) t;
        }
    }

    /** A connecting socket's channel class. */
    Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
