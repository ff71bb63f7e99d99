package io.psicoia.adapter.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.psicoia.adapter.tcp.protocol.CancelFrame;
import io.psicoia.adapter.tcp.protocol.ClientFrame;
import io.psicoia.adapter.tcp.protocol.DeltaFrame;
import io.psicoia.adapter.tcp.protocol.DoneFrame;
import io.psicoia.adapter.tcp.protocol.ErrorCode;
import io.psicoia.adapter.tcp.protocol.ErrorFrame;
import io.psicoia.adapter.tcp.protocol.HelloFrame;
import io.psicoia.adapter.tcp.protocol.JsonProtocol;
import io.psicoia.adapter.tcp.protocol.MessageFrame;
import io.psicoia.adapter.tcp.protocol.ParseResult;
import io.psicoia.adapter.tcp.protocol.PingFrame;
import io.psicoia.adapter.tcp.protocol.PongFrame;
import io.psicoia.adapter.tcp.protocol.QueuedFrame;
import io.psicoia.adapter.tcp.protocol.ServerFrame;
import io.psicoia.adapter.tcp.protocol.WelcomeFrame;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.port.in.Admission;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.EndConversationUseCase;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.in.SubmitMessageUseCase;
import io.psicoia.domain.text.SpanishTexts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's connection: the greeting, plain or JSON mode, their messages through the chat use case, and what
 * they read back. Every write goes through the channel's event loop in submission order, so a message's events keep
 * their order whichever thread produced them.
 */
final class ChatSessionHandler extends SimpleChannelInboundHandler<InboundLine> {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSessionHandler.class);

    private enum Mode {
        UNDECIDED,
        PLAIN,
        JSON
    }

    private final TcpServerConfig config;
    private final SubmitMessageUseCase chat;
    private final EndConversationUseCase conversations;
    private final ConnectionLimiter limiter;
    private final TrustedProxies trusted;
    private final JsonProtocol json;
    private final String user;
    private final ConversationId conversation;
    private final AtomicInteger active = new AtomicInteger();
    /** Messages admitted and not yet done, by id; changed on the event loop only (read when dropping a client). */
    private final Map<String, Cancellation> inFlight = new ConcurrentHashMap<>();
    /** Characters of reply text queued as write tasks and not yet handed to the socket. */
    private final AtomicLong queuedBytes = new AtomicLong();
    /** Writes and outcomes from other threads, in order, for the event loop. */
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Plain-mode refusals that wait for the replies before them; touched on the event loop only. */
    private final List<String> deferredLines = new ArrayList<>();

    private Channel channel;
    private Mode mode = Mode.UNDECIDED;
    private String address = "unknown";
    private long received;
    private boolean welcomed;
    private boolean shuttingDown;
    private boolean closing;
    private volatile boolean dropped;
    private boolean draining;

    ChatSessionHandler(
            TcpServerConfig config,
            SubmitMessageUseCase chat,
            EndConversationUseCase conversations,
            ConnectionLimiter limiter,
            TrustedProxies trusted,
            JsonProtocol json,
            String user) {
        this.config = config;
        this.chat = chat;
        this.conversations = conversations;
        this.limiter = limiter;
        this.trusted = trusted;
        this.json = json;
        this.user = user;
        this.conversation = new ConversationId(user.replace(' ', '-'));
    }

    /** Messages of this connection admitted and not yet answered (read from any thread). */
    int activeMessages() {
        return active.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        remoteAddress(channel.remoteAddress()).ifPresent(remote -> address = remote.getHostAddress());
        LOG.debug("event=connection.open user={}", user);
        writeLine(SpanishTexts.connected(user) + "\n" + SpanishTexts.WELCOME + "\n" + SpanishTexts.INVITATION);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundLine line) {
        if (closing) {
            return;
        }
        if (line instanceof InboundLine.Text text) {
            onText(text.text());
        } else if (line instanceof InboundLine.TooLong) {
            LOG.debug("event=message.refused user={} reason=too_long", user);
            refuseLine(ErrorCode.TOO_LONG, SpanishTexts.tooLong(config.maxMessageChars()));
        } else {
            LOG.debug("event=message.refused user={} reason=invalid_utf8", user);
            refuseLine(ErrorCode.BAD_REQUEST, SpanishTexts.INVALID_INPUT);
        }
    }

    private void onText(String text) {
        if (mode == Mode.UNDECIDED) {
            if (text.isBlank()) {
                return;
            }
            if (json.isHello(text)) {
                mode = Mode.JSON;
                BoundedLineDecoder decoder = channel.pipeline().get(BoundedLineDecoder.class);
                if (decoder != null) {
                    decoder.setLimits(json.maxLineBytes(), json.maxLineBytes());
                }
            } else {
                mode = Mode.PLAIN;
            }
        }
        if (mode == Mode.PLAIN) {
            onPlainLine(text);
        } else {
            onJsonLine(text);
        }
    }

    private void onPlainLine(String text) {
        String message = text.strip();
        if (message.isEmpty()) {
            return;
        }
        if (SpanishTexts.isLeaveCommand(message)) {
            writeLine(SpanishTexts.GOODBYE);
            closeAfterWrites();
            return;
        }
        submit("m" + (received + 1), message);
    }

    private void onJsonLine(String text) {
        if (text.isBlank()) {
            return;
        }
        ParseResult result = json.parse(text);
        if (result instanceof ParseResult.Rejected rejected) {
            LOG.debug("event=frame.rejected user={} problem={}", user, rejected.problem());
            String message = rejected.code() == ErrorCode.TOO_LONG
                    ? SpanishTexts.tooLong(config.maxMessageChars())
                    : SpanishTexts.BAD_REQUEST;
            writeFrame(errorFrame(rejected.id(), rejected.code(), message));
            return;
        }
        ClientFrame frame = ((ParseResult.Ok) result).frame();
        if (frame instanceof HelloFrame hello) {
            onHello(hello);
        } else if (frame instanceof MessageFrame message) {
            if (inFlight.containsKey(message.id())) {
                writeFrame(ErrorFrame.about(message.id(), ErrorCode.BAD_REQUEST, SpanishTexts.DUPLICATE_ID));
            } else {
                submit(message.id(), message.text());
            }
        } else if (frame instanceof CancelFrame cancel) {
            Cancellation cancellation = inFlight.get(cancel.id());
            if (cancellation != null) {
                cancellation.cancel();
            }
        } else if (frame instanceof PingFrame) {
            writeFrame(new PongFrame());
        } else {
            closeAfterWrites();
        }
    }

    private void onHello(HelloFrame hello) {
        if (received > 0 || welcomed) {
            writeFrame(ErrorFrame.of(ErrorCode.BAD_REQUEST, SpanishTexts.BAD_REQUEST));
            return;
        }
        welcomed = true;
        Optional<InetAddress> remote = remoteAddress(channel.remoteAddress());
        if (hello.peer().isPresent() && remote.isPresent() && trusted.test(remote.get())) {
            Optional<ConnectionLimiter.Refusal> refusal =
                    limiter.admitPeer(channel, hello.peer().get());
            if (refusal.isPresent()) {
                writeFrame(ErrorFrame.of(ErrorCode.BUSY, refusal.get().text()));
                closeAfterWrites();
                return;
            }
            address = hello.peer().get().getHostAddress();
        }
        writeFrame(
                new WelcomeFrame(user, new WelcomeFrame.Limits(config.maxMessageChars(), config.rateMaxMessages(), (int)
                        config.rateWindow().toSeconds())));
    }

    private void submit(String id, String text) {
        received++;
        Trace trace = new Trace(user, received);
        if (shuttingDown) {
            if (mode == Mode.JSON) {
                writeFrame(ErrorFrame.about(id, ErrorCode.SHUTTING_DOWN, SpanishTexts.SHUTTING_DOWN));
            } else {
                writeLine(SpanishTexts.SHUTTING_DOWN);
            }
            return;
        }
        Cancellation cancellation = new Cancellation();
        SendMessageCommand command =
                new SendMessageCommand(conversation, user, text, cancellation, Optional.of(address));
        MessageSink sink = new MessageSink(id, trace);
        inFlight.put(id, cancellation);
        active.incrementAndGet();
        Admission admission = chat.submit(command, sink, outcome -> enqueue(() -> sink.done(outcome)));
        if (admission instanceof Admission.Refused refused) {
            inFlight.remove(id);
            active.decrementAndGet();
            if (LOG.isDebugEnabled()) {
                LOG.debug("event=message.refused trace={} outcome={}", trace, describe(refused.outcome()));
            }
            renderRefusal(id, refused.outcome(), false);
        } else {
            LOG.debug("event=message.accepted trace={} chars={}", trace, text.length());
        }
    }

    /** Streams one message's reply to this connection. */
    private final class MessageSink implements ReplySink {
        private final String id;
        private final Trace trace;
        private final long startNanos = System.nanoTime();
        private volatile boolean streamed;

        private MessageSink(String id, Trace trace) {
            this.id = id;
            this.trace = trace;
        }

        @Override
        public void delta(String text) {
            streamed = true;
            if (tooMuchPending()) {
                return;
            }
            if (mode == Mode.JSON) {
                writeFrame(new DeltaFrame(id, text));
            } else {
                write(text);
            }
        }

        @Override
        public void queued() {
            LOG.debug("event=message.queued trace={}", trace);
            if (mode == Mode.JSON) {
                writeFrame(new QueuedFrame(id));
            } else {
                writeLine(SpanishTexts.QUEUED);
            }
        }

        /** On the event loop. */
        void done(ChatOutcome outcome) {
            inFlight.remove(id);
            active.decrementAndGet();
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "event=message.done trace={} outcome={} ms={}",
                        trace,
                        describe(outcome),
                        (System.nanoTime() - startNanos) / 1_000_000);
            }
            if (outcome instanceof ChatOutcome.Reply reply) {
                if (mode == Mode.JSON) {
                    writeFrame(new DoneFrame(id, reply.complete()));
                } else if (streamed) {
                    write("\n");
                }
            } else {
                renderRefusal(id, outcome, streamed);
            }
            if (mode == Mode.PLAIN && active.get() == 0 && !deferredLines.isEmpty()) {
                deferredLines.forEach(ChatSessionHandler.this::writeLine);
                deferredLines.clear();
            }
        }
    }

    private void renderRefusal(String id, ChatOutcome outcome, boolean afterPartialReply) {
        String text = SpanishTexts.refusal(outcome);
        if (mode == Mode.JSON) {
            ErrorFrame frame = ErrorFrame.about(id, codeOf(outcome), text);
            if (outcome instanceof ChatOutcome.RateLimited limited) {
                frame = frame.withRetryAfter(limited.retryAfter());
            }
            writeFrame(frame);
            return;
        }
        if (afterPartialReply) {
            write("\n");
        }
        if (active.get() > 0 && !afterPartialReply) {
            // Plain text has no ids: keep this line after the replies already under way.
            deferredLines.add(text);
        } else {
            writeLine(text);
        }
    }

    /** The original's per-message trace id, {@code Usuario-N:mK}, built only when a log line prints it. */
    private record Trace(String user, long number) {
        @Override
        public String toString() {
            return user + ":m" + number;
        }
    }

    private static ErrorCode codeOf(ChatOutcome outcome) {
        if (outcome instanceof ChatOutcome.RateLimited) {
            return ErrorCode.RATE_LIMITED;
        }
        if (outcome instanceof ChatOutcome.Busy) {
            return ErrorCode.BUSY;
        }
        return ErrorCode.UNAVAILABLE;
    }

    private static String describe(ChatOutcome outcome) {
        if (outcome instanceof ChatOutcome.Reply reply) {
            return reply.complete() ? "reply" : "reply_incomplete";
        }
        if (outcome instanceof ChatOutcome.RateLimited limited) {
            return "rate_limited retryAfterMs=" + limited.retryAfter().toMillis();
        }
        if (outcome instanceof ChatOutcome.Busy busy) {
            return "busy reason=" + busy.reason();
        }
        ChatOutcome.ServiceUnavailable unavailable = (ChatOutcome.ServiceUnavailable) outcome;
        return "unavailable reason=" + unavailable.reason() + " partial=" + unavailable.partial();
    }

    /** A line the decoder rejected (too long, not UTF-8): no id is known. */
    private void refuseLine(ErrorCode code, String text) {
        if (mode == Mode.JSON) {
            writeFrame(ErrorFrame.of(code, text));
        } else {
            writeLine(text);
        }
    }

    private static ErrorFrame errorFrame(Optional<String> id, ErrorCode code, String text) {
        return id.isPresent() ? ErrorFrame.about(id.get(), code, text) : ErrorFrame.of(code, text);
    }

    /** Tells this connection the server is stopping; new messages are refused from now on. On the event loop. */
    void announceShutdown() {
        shuttingDown = true;
        if (mode == Mode.JSON) {
            writeFrame(ErrorFrame.of(ErrorCode.SHUTTING_DOWN, SpanishTexts.SHUTTING_DOWN));
        } else {
            writeLine(SpanishTexts.SHUTTING_DOWN);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            if (active.get() == 0) {
                LOG.debug("event=connection.idle user={}", user);
                if (mode == Mode.JSON) {
                    writeFrame(ErrorFrame.of(ErrorCode.UNAVAILABLE, SpanishTexts.IDLE_GOODBYE));
                } else {
                    writeLine(SpanishTexts.IDLE_GOODBYE);
                }
                closeAfterWrites();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A client that does not read its replies does not get to send more.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Cancellation cancellation : List.copyOf(inFlight.values())) {
            cancellation.cancel();
        }
        conversations.end(conversation);
        LOG.debug("event=connection.closed user={} messages={}", user, received);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Only the type: messages of I/O exceptions can carry addresses, and decoder ones could carry input.
        LOG.debug(
                "event=connection.error user={} type={}", user, cause.getClass().getSimpleName());
        ctx.close();
    }

    /**
     * True when this client has stopped reading and reply text piles up (in the socket's outbound buffer and in write
     * tasks not yet run); the connection is then dropped once and every message of it cancelled, so the model stops.
     */
    private boolean tooMuchPending() {
        if (dropped) {
            return true;
        }
        ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
        long pending = queuedBytes.get() + (outbound == null ? 0 : outbound.totalPendingWriteBytes());
        if (pending <= config.maxPendingReplyBytes()) {
            return false;
        }
        dropped = true;
        LOG.warn("event=client.dropped user={} reason=not_reading pendingBytes={}", user, pending);
        inFlight.values().forEach(Cancellation::cancel);
        channel.eventLoop().execute(() -> {
            closing = true;
            channel.close();
        });
        return true;
    }

    private void writeFrame(ServerFrame frame) {
        write(json.encode(frame) + "\n");
    }

    private void writeLine(String text) {
        write(text + "\n");
    }

    /**
     * Writes text in order. Text from other threads (the worker streaming a reply, a timer) joins this connection's
     * queue, drained on the event loop by one task however many pieces arrived meanwhile: one wake-up and one flush
     * for a reply's last piece and its end instead of one each. On the event loop the queue is drained first, so
     * nothing overtakes text that was queued before it.
     */
    private void write(String text) {
        if (channel.eventLoop().inEventLoop()) {
            if (!draining) {
                drain();
            }
            writeNow(text);
            return;
        }
        long bytes = text.length();
        queuedBytes.addAndGet(bytes);
        enqueue(() -> {
            queuedBytes.addAndGet(-bytes);
            writeNow(text);
        });
    }

    /** Queues a task for this connection's event loop, in order with queued writes. */
    private void enqueue(Runnable task) {
        pending.add(task);
        if (drainScheduled.compareAndSet(false, true)) {
            onLoop(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    /** On the event loop: runs every queued task in order, then flushes once. */
    private void drain() {
        draining = true;
        try {
            for (Runnable task; (task = pending.poll()) != null; ) {
                task.run();
            }
        } finally {
            draining = false;
        }
        channel.flush();
    }

    /** Runs a task on this connection's event loop; after the server stopped there is nobody left to tell. */
    private void onLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("event=write.skipped user={} reason=server_stopped", user);
        }
    }

    private void writeNow(String text) {
        if (channel.isActive() && !dropped) {
            ByteBuf buffer = ByteBufUtil.writeUtf8(channel.alloc(), text);
            if (draining) {
                channel.write(buffer, channel.voidPromise());
            } else {
                channel.writeAndFlush(buffer, channel.voidPromise());
            }
        }
    }

    private void closeAfterWrites() {
        closing = true;
        channel.eventLoop()
                .execute(() -> channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE));
    }

    private static Optional<InetAddress> remoteAddress(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? Optional.of(inet.getAddress())
                : Optional.empty();
    }
}
