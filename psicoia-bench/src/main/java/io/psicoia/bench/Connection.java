package io.psicoia.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;

/**
 * One plain-mode client connection: counts the three greeting lines, then reports each reply line. It never decodes
 * text: a line is a reply when it starts with the letter every bench reply starts with ({@code R}); refusals and
 * notices start with other letters. Runs on its channel's event loop.
 */
final class Connection extends ChannelInboundHandlerAdapter {

    /** What the load modes hear about a connection. Called on the connection's event loop. */
    interface Listener {
        void greeted(Connection connection, long nanos);

        void line(Connection connection, boolean reply, long nanos);

        void closed(Connection connection);
    }

    private static final int GREETING_LINES = 3;

    long startNanos;
    private final Listener listener;
    private int greetingLeft = GREETING_LINES;
    private boolean lineStart = true;
    private boolean lineIsReply;
    /** Empty lines seen after the greeting. Event loop only; read after the loop has stopped. */
    int emptyLines;

    Channel channel;
    /** Closed loop: when the outstanding message was sent. Event loop only. */
    long sentNanos;
    /** Open loop: intended send times of outstanding messages, oldest first; guarded by itself. */
    final ArrayDeque<long[]> outstanding = new ArrayDeque<>();

    Connection(Listener listener, long startNanos) {
        this.listener = listener;
        this.startNanos = startNanos;
    }

    boolean greeted() {
        return greetingLeft == 0;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            long now = System.nanoTime();
            int end = buf.writerIndex();
            for (int i = buf.readerIndex(); i < end; i++) {
                byte b = buf.getByte(i);
                if (greetingLeft > 0) {
                    if (b == '\n' && --greetingLeft == 0) {
                        listener.greeted(this, now);
                    }
                    continue;
                }
                if (lineStart) {
                    lineStart = false;
                    lineIsReply = b == 'R';
                    if (b == '\n') {
                        // An empty line: the newline of a reply whose text was glued to the previous reply's line
                        // (pipelined plain-mode messages). It still ends one reply.
                        emptyLines++;
                        lineIsReply = true;
                    }
                }
                if (b == '\n') {
                    lineStart = true;
                    listener.line(this, lineIsReply, now);
                }
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.closed(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
