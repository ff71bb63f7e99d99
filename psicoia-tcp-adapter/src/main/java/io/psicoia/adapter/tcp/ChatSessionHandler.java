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
import io.psicoia.adapter.tcp.protocol.SafetyFrame;
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
import io.psicoia.domain.safety.SafetyNotice;
import io.psicoia.domain.text.SpanishTexts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's connection: the greeting, plain or JSON mode, their messages through the chat use case, and what
 * they read back. Every write goes through the channel's event loop in submission order, so a message's events keep
 * their order whichever thread produced them.
 */
final class ChatSessionHandler extends SimpleChannelInboundHandler<InboundLine> {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSessionHandler.class);
    /** A drained batch starts with room for a typical reply and its end; it grows for more. */
    private static final int BATCH_START_BYTES = 256;

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
    /** Messages admitted and not yet done, oldest first (they finish in order: one conversation). Event loop only. */
    private final ArrayDeque<MessageSink> inFlight = new ArrayDeque<>();
    /** The same messages by the client's id, in JSON mode (plain mode has no ids). Event loop only. */
    private final Map<String, MessageSink> inFlightById = new HashMap<>();
    /** Characters of reply text queued for the event loop and not yet handed to the socket. */
    private final AtomicLong queuedBytes = new AtomicLong();
    /** From other threads, in order, for the event loop: text to write ({@code String}) or a task ({@code Runnable}). */
    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Plain-mode refusals that wait for the replies before them; touched on the event loop only. */
    private final List<String> deferredLines = new ArrayList<>();

    private Channel channel;
    private Mode mode = Mode.UNDECIDED;
    private String address = "unknown";
    /** {@link #address} as every message's command carries it (one instance, not one per message). */
    private Optional<String> clientAddress = Optional.of(address);
    /** The locale the client's hello gave, if any: it chooses the crisis lines shown. */
    private Optional<String> locale = Optional.empty();
    /** On the event loop, while draining: the text written so far, sent as one buffer when the drain ends. */
    private ByteBuf batch;

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

    private void setAddress(String address) {
        this.address = address;
        this.clientAddress = Optional.of(address);
    }

    /** Messages of this connection admitted and not yet answered (read from any thread). */
    int activeMessages() {
        return active.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        remoteAddress(channel.remoteAddress()).ifPresent(remote -> setAddress(remote.getHostAddress()));
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
        submit(null, message);
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
            if (inFlightById.containsKey(message.id())) {
                writeFrame(ErrorFrame.about(message.id(), ErrorCode.BAD_REQUEST, SpanishTexts.DUPLICATE_ID));
            } else {
                submit(message.id(), message.text());
            }
        } else if (frame instanceof CancelFrame cancel) {
            MessageSink sink = inFlightById.get(cancel.id());
            if (sink != null) {
                sink.cancellation.cancel();
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
        locale = hello.locale();
        Optional<InetAddress> remote = remoteAddress(channel.remoteAddress());
        if (hello.peer().isPresent() && remote.isPresent() && trusted.test(remote.get())) {
            Optional<ConnectionLimiter.Refusal> refusal =
                    limiter.admitPeer(channel, hello.peer().get());
            if (refusal.isPresent()) {
                writeFrame(ErrorFrame.of(ErrorCode.BUSY, refusal.get().text()));
                closeAfterWrites();
                return;
            }
            setAddress(hello.peer().get().getHostAddress());
        }
        writeFrame(
                new WelcomeFrame(user, new WelcomeFrame.Limits(config.maxMessageChars(), config.rateMaxMessages(), (int)
                        config.rateWindow().toSeconds())));
    }

    /** Hands a message to the chat; {@code id} is the client's in JSON mode, null in plain mode. */
    private void submit(String id, String text) {
        received++;
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
                new SendMessageCommand(conversation, user, text, cancellation, clientAddress, locale);
        MessageSink sink = new MessageSink(id, received, cancellation);
        track(sink);
        active.incrementAndGet();
        Admission admission = chat.submit(command, sink, sink);
        if (admission instanceof Admission.Refused refused) {
            untrack(sink);
            active.decrementAndGet();
            if (LOG.isDebugEnabled()) {
                LOG.debug("event=message.refused trace={} outcome={}", sink.trace(), describe(refused.outcome()));
            }
            renderRefusal(id, refused.outcome(), false);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("event=message.accepted trace={} chars={}", sink.trace(), text.length());
        }
    }

    private void track(MessageSink sink) {
        inFlight.addLast(sink);
        if (sink.id != null) {
            inFlightById.put(sink.id, sink);
        }
    }

    private void untrack(MessageSink sink) {
        if (inFlight.peekFirst() == sink) {
            inFlight.pollFirst();
        } else {
            inFlight.removeLastOccurrence(sink); // a refusal: the newest
        }
        if (sink.id != null) {
            inFlightById.remove(sink.id);
        }
    }

    /** On the event loop: cancels every message of this connection still under way. */
    private void cancelAll() {
        for (MessageSink sink : List.copyOf(inFlight)) {
            sink.cancellation.cancel();
        }
    }

    /**
     * Streams one message's reply to this connection. It also receives the outcome (on the thread that finished the
     * message) and is the task that reports it on the event loop.
     */
    private final class MessageSink implements ReplySink, Consumer<ChatOutcome>, Runnable {
        private final String id;
        private final long number;
        private final Cancellation cancellation;
        private final long startNanos = System.nanoTime();
        private volatile boolean streamed;
        /** Set before this sink is queued for the event loop, read there (the queue orders the two). */
        private ChatOutcome outcome;

        private MessageSink(String id, long number, Cancellation cancellation) {
            this.id = id;
            this.number = number;
            this.cancellation = cancellation;
        }

        /** The original's per-message trace id, for log lines only. */
        Trace trace() {
            return new Trace(user, number);
        }

        @Override
        public void accept(ChatOutcome outcome) {
            this.outcome = outcome;
            enqueue(this);
        }

        @Override
        public void run() {
            done(outcome);
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

        /** Called by the chat on the event loop, inside submit, before anything else about this message. */
        @Override
        public void safety(SafetyNotice notice) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "event=safety.notice trace={} level={} about={} resources={}",
                        trace(),
                        notice.level(),
                        notice.about(),
                        notice.resources().size());
            }
            if (mode == Mode.JSON) {
                writeFrame(new SafetyFrame(id, notice));
            } else {
                // Plain text has no ids: a reply still streaming is cut by a line break, not mixed with the notice.
                writeLine((replyStreaming() ? "\n" : "") + notice.message());
            }
        }

        @Override
        public void queued() {
            if (LOG.isDebugEnabled()) {
                LOG.debug("event=message.queued trace={}", trace());
            }
            if (mode == Mode.JSON) {
                writeFrame(new QueuedFrame(id));
            } else {
                writeLine(SpanishTexts.QUEUED);
            }
        }

        /** On the event loop. */
        void done(ChatOutcome outcome) {
            untrack(this);
            active.decrementAndGet();
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "event=message.done trace={} outcome={} ms={}",
                        trace(),
                        describe(outcome),
                        (System.nanoTime() - startNanos) / 1_000_000);
            }
            if (outcome instanceof ChatOutcome.Reply || outcome instanceof ChatOutcome.SafeFallback) {
                // A fallback is the whole answer the person gets: the notice, then a fixed follow-up.
                boolean complete = !(outcome instanceof ChatOutcome.Reply reply) || reply.complete();
                if (mode == Mode.JSON) {
                    writeFrame(new DoneFrame(id, complete));
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

    /** On the event loop: whether an earlier message's reply has started and not ended. */
    private boolean replyStreaming() {
        for (MessageSink sink : inFlight) {
            if (sink.streamed) {
                return true;
            }
        }
        return false;
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
        if (outcome instanceof ChatOutcome.SafeFallback fallback) {
            return "safe_fallback modelFailure="
                    + fallback.modelFailure().map(Enum::name).orElse("NO_SLOT");
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
        cancelAll();
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
        // The messages are cancelled on the event loop, which owns them (text written meanwhile is dropped).
        channel.eventLoop().execute(() -> {
            closing = true;
            cancelAll();
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
        queuedBytes.addAndGet(text.length());
        enqueue(text);
    }

    /** Queues text to write or a task for this connection's event loop, in order. */
    private void enqueue(Object textOrTask) {
        pending.add(textOrTask);
        if (drainScheduled.compareAndSet(false, true)) {
            onLoop(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    /**
     * On the event loop: writes every queued text and runs every queued task in order; whatever they write goes out as
     * one buffer and one flush.
     */
    private void drain() {
        draining = true;
        try {
            for (Object item; (item = pending.poll()) != null; ) {
                if (item instanceof String text) {
                    queuedBytes.addAndGet(-text.length());
                    writeNow(text);
                } else {
                    ((Runnable) item).run();
                }
            }
        } finally {
            draining = false;
            ByteBuf out = batch;
            batch = null;
            if (out != null) {
                if (channel.isActive()) {
                    channel.write(out, channel.voidPromise());
                } else {
                    out.release();
                }
            }
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
            if (draining) {
                if (batch == null) {
                    batch = channel.alloc().buffer(Math.max(BATCH_START_BYTES, ByteBufUtil.utf8MaxBytes(text)));
                }
                ByteBufUtil.writeUtf8(batch, text);
            } else {
                channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), text), channel.voidPromise());
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
