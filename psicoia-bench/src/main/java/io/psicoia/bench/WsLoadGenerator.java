package io.psicoia.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * WebSocket load for the gateway benchmarks (and for the WebSocket echo floor, with the same client). Every session
 * connects to {@code --url} (no Origin header), sends {@code {"type":"hello","client":"bench"}} and counts as ready
 * when its first frame comes back (the app's {@code welcome} through the gateway, or the echo of the hello from the
 * floor). Modes:
 *
 * <ul>
 *   <li>{@code closed C}: C sessions in a closed loop (send, wait for the echo, send again); msg/s and latency.
 *   <li>{@code open R D}: R msg/s in total for D seconds over {@code --connections} sessions, round robin; latency
 *       from the intended send time (corrected for coordinated omission).
 *   <li>{@code idle N}: holds N ready sessions; PSS of every process in {@code --pids} at 0, 1,000, 5,000 and N
 *       sessions (after a full GC through {@code jcmd}), and the slope per session.
 * </ul>
 *
 * Options: {@code --url ws://127.0.0.1:8765/ws --threads 1 --pids gateway:PID,app:PID --label NAME --binary false
 * --out FILE}. Messages are 64-byte JSON text frames ({@code --binary true}: the same bytes plus a newline as binary
 * frames, for bridges such as websockify that relay binary only). Results go to stdout and, with {@code --out}, are
 * appended to FILE with the command line.
 */
public final class WsLoadGenerator {

    static final String HELLO = "{\"type\":\"hello\",\"client\":\"bench\"}";
    static final String MESSAGE = "{\"type\":\"message\",\"text\":\"Hoy me siento ansioso por el trabajo\"}";

    private final Options options;
    private final URI uri;
    private final boolean binary;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final EventLoopGroup group;
    private final StringBuilder report = new StringBuilder();

    private WsLoadGenerator(Options options) {
        this.options = options;
        this.uri = URI.create(options.string("url", "ws://127.0.0.1:8765/ws"));
        this.binary = Boolean.parseBoolean(options.string("binary", "false"));
        for (String entry : options.string("pids", "").split(",")) {
            if (!entry.isBlank()) {
                String[] parts = entry.split(":");
                pids.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        this.group = new MultiThreadIoEventLoopGroup(
                options.integer("threads", 1), new DefaultThreadFactory("wsload", true), NioIoHandler.newFactory());
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        WsLoadGenerator generator = new WsLoadGenerator(options);
        try {
            generator.run(options.positional(0, "help"));
        } finally {
            generator.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private void run(String mode) throws Exception {
        emit("### ws " + mode + " " + options.string("label", "") + " — "
                + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        emit("- loadgen: `" + ProcessHandle.current().info().commandLine().orElse("?") + "`");
        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            emit("- " + pid.getKey() + ": `" + new ProcessMemory(pid.getValue()).commandLine() + "`");
        }
        emit("- cores=" + Runtime.getRuntime().availableProcessors() + " loadavg(start)=" + CpuMeter.loadAverage());
        switch (mode) {
            case "closed" -> closed(options.positionalInt(1, 50));
            case "open" -> open(options.positionalInt(1, 1000), options.positionalInt(2, 30));
            case "idle" -> idle(options.positionalInt(1, 1000));
            default -> {
                System.err.println("usage: WsLoadGenerator closed C | open R D | idle N  --url ws://H:P/ws"
                        + " [--pids name:pid,...] [--out FILE]");
                return;
            }
        }
        String out = options.string("out", "");
        if (!out.isEmpty()) {
            Files.writeString(
                    Path.of(out),
                    report.append('\n').toString(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private void emit(String line) {
        System.out.println(line);
        System.out.flush();
        report.append(line).append('\n');
    }

    // ---------------------------------------------------------------- sessions

    /** What a mode hears from its sessions; called on the session's event loop. */
    interface Listener {
        void ready(Session session, long nanos);

        void echo(Session session, long nanos);

        void closed(Session session);
    }

    /** One WebSocket session: hello on handshake, the first frame back makes it ready, every later one is an echo. */
    final class Session extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final Listener listener;
        Channel channel;
        boolean ready;
        /** Closed loop: when the outstanding message was sent. Event loop only. */
        long sentNanos;
        /** Open loop: {intended, actual} send times of outstanding messages; guarded by itself. */
        final ArrayDeque<long[]> outstanding = new ArrayDeque<>();

        Session(Listener listener) {
            this.listener = listener;
        }

        WebSocketFrame frame(String text) {
            if (binary) {
                return new BinaryWebSocketFrame(Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
            }
            return new TextWebSocketFrame(text);
        }

        void send() {
            channel.writeAndFlush(frame(MESSAGE), channel.voidPromise());
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ctx.writeAndFlush(frame(HELLO), ctx.voidPromise());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame) {
                return;
            }
            long now = System.nanoTime();
            if (!ready) {
                ready = true;
                listener.ready(this, now);
                return;
            }
            if (binary) {
                // Bridges may split or join binary frames: one echo per newline.
                ByteBuf content = frame.content();
                for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
                    if (content.getByte(i) == '\n') {
                        listener.echo(this, now);
                    }
                }
            } else {
                listener.echo(this, now);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            listener.closed(this);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private Bootstrap bootstrap(Session session) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .generateOriginHeader(false)
                .maxFramePayloadLength(65_536)
                .handshakeTimeoutMillis(60_000)
                .build();
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(8192),
                                        new WebSocketClientProtocolHandler(config),
                                        session);
                    }
                });
    }

    /** Base listener: counts ready and closed sessions. */
    private static class Counting implements Listener {
        final AtomicInteger ready = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        volatile Semaphore pending;
        volatile CountDownLatch allReady;

        @Override
        public void ready(Session session, long nanos) {
            ready.incrementAndGet();
            Semaphore p = pending;
            if (p != null) {
                p.release();
            }
            CountDownLatch l = allReady;
            if (l != null) {
                l.countDown();
            }
        }

        @Override
        public void echo(Session session, long nanos) {}

        @Override
        public void closed(Session session) {
            closed.incrementAndGet();
            if (!session.ready) {
                Semaphore p = pending;
                if (p != null) {
                    p.release();
                }
                CountDownLatch l = allReady;
                if (l != null) {
                    l.countDown();
                }
            }
        }
    }

    /** Opens {@code count} more sessions, at most {@code window} not yet ready at a time, and waits for them. */
    private List<Session> connect(Counting counting, int count, int window, List<Session> into)
            throws InterruptedException {
        Semaphore pending = new Semaphore(window);
        CountDownLatch done = new CountDownLatch(count);
        counting.pending = pending;
        counting.allReady = done;
        AtomicInteger failed = new AtomicInteger();
        // One deadline for the whole step: past the server's limit, sessions hang until the handshake times out, and
        // waiting for each window of them would take an hour.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < count; i++) {
            if (!pending.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                emit("- WARNING: gave up after " + i + " of " + count + " connects: " + window
                        + " sessions were still waiting for their first frame after 120 s");
                return into;
            }
            Session session = new Session(counting);
            into.add(session);
            bootstrap(session).connect(uri.getHost(), uri.getPort()).addListener(f -> {
                if (!f.isSuccess()) {
                    failed.incrementAndGet();
                    pending.release();
                    done.countDown();
                }
            });
        }
        if (!done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            emit("- WARNING: not every session was ready within 120 s");
        }
        if (failed.get() > 0) {
            emit("- connect failures: " + failed.get());
        }
        return into;
    }

    private static void closeAll(List<Session> sessions) {
        for (Session session : sessions) {
            if (session.channel != null) {
                session.channel.close();
            }
        }
        for (Session session : sessions) {
            if (session.channel != null) {
                session.channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- CPU of every process

    private final class Cpu {
        private final long start = System.nanoTime();
        private final long machine = CpuMeter.machineBusyTicks();
        private final long self = CpuMeter.processTicks(ProcessHandle.current().pid());
        private final Map<String, Long> each = new LinkedHashMap<>();

        Cpu() throws IOException {
            for (Map.Entry<String, Long> pid : pids.entrySet()) {
                each.put(pid.getKey(), CpuMeter.processTicks(pid.getValue()));
            }
        }

        String stop() throws IOException {
            double seconds = (System.nanoTime() - start) / 1e9;
            double machineCores = (CpuMeter.machineBusyTicks() - machine) / 100.0 / seconds;
            double selfCores = (CpuMeter.processTicks(ProcessHandle.current().pid()) - self) / 100.0 / seconds;
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "cpu(cores avg) machine=%.2f loadgen=%.2f", machineCores, selfCores));
            double known = selfCores;
            for (Map.Entry<String, Long> pid : pids.entrySet()) {
                double cores = (CpuMeter.processTicks(pid.getValue()) - each.get(pid.getKey())) / 100.0 / seconds;
                known += cores;
                line.append(String.format(Locale.ROOT, " %s=%.2f", pid.getKey(), cores));
            }
            line.append(String.format(Locale.ROOT, " other=%.2f", Math.max(0, machineCores - known)));
            return line.toString();
        }
    }

    // ---------------------------------------------------------------- closed loop

    private void closed(int count) throws Exception {
        long warmupNanos = TimeUnit.SECONDS.toNanos(options.longValue("warmup-s", 5));
        long durationNanos = TimeUnit.SECONDS.toNanos(options.longValue("duration-s", 20));
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong inWindow = new AtomicLong();
        Map<Thread, LatencyRecorder> recorders = new ConcurrentHashMap<>();
        Counting counting = new Counting() {
            volatile boolean running = true;

            @Override
            public void echo(Session session, long nanos) {
                if (nanos >= windowStart.get() && nanos < windowEnd.get()) {
                    inWindow.incrementAndGet();
                    recorders
                            .computeIfAbsent(Thread.currentThread(), t -> new LatencyRecorder(1 << 16))
                            .record(nanos - session.sentNanos);
                }
                if (nanos < windowEnd.get()) {
                    session.sentNanos = System.nanoTime();
                    session.send();
                }
            }
        };
        List<Session> sessions = connect(counting, count, 256, new ArrayList<>(count));
        emit("- " + counting.ready.get() + " of " + count + " sessions ready; closed loop, "
                + warmupNanos / 1_000_000_000 + " s warm-up, " + durationNanos / 1_000_000_000 + " s measured; message "
                + MESSAGE.length() + " bytes" + (binary ? " + newline, binary frames" : ", text frames"));
        long start = System.nanoTime();
        windowStart.set(start + warmupNanos);
        windowEnd.set(start + warmupNanos + durationNanos);
        for (Session session : sessions) {
            if (session.ready && session.channel.isActive()) {
                session.channel.eventLoop().execute(() -> {
                    session.sentNanos = System.nanoTime();
                    session.send();
                });
            }
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(windowStart.get() - System.nanoTime()));
        Cpu cpu = new Cpu();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(windowEnd.get() - System.nanoTime()));
        String cpuLine = cpu.stop();
        Thread.sleep(500);
        int closedEarly = counting.closed.get();
        closeAll(sessions);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        LatencyRecorder all = new LatencyRecorder(1 << 16);
        recorders.values().forEach(all::addAll);
        emit(String.format(
                Locale.ROOT,
                "- **%.0f msg/s** (%d echoes in %.0f s); sessions closed by the server during the run: %d",
                inWindow.get() / (durationNanos / 1e9),
                inWindow.get(),
                durationNanos / 1e9,
                closedEarly));
        emit("- latency: " + all.summarize().describeMillis());
        emit("- " + cpuLine);
        emit("- loadavg(end)=" + CpuMeter.loadAverage());
    }

    // ---------------------------------------------------------------- open loop

    private void open(int rate, int durationSeconds) throws Exception {
        int count = options.integer("connections", 50);
        long warmupNanos = TimeUnit.SECONDS.toNanos(options.longValue("warmup-s", 5));
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong answered = new AtomicLong();
        Map<Thread, LatencyRecorder[]> recorders = new ConcurrentHashMap<>();
        Counting counting = new Counting() {
            @Override
            public void echo(Session session, long nanos) {
                long[] times;
                synchronized (session.outstanding) {
                    times = session.outstanding.pollFirst();
                }
                if (times == null) {
                    return;
                }
                answered.incrementAndGet();
                if (times[0] >= windowStart.get() && times[0] < windowEnd.get()) {
                    LatencyRecorder[] pair = recorders.computeIfAbsent(Thread.currentThread(), t ->
                            new LatencyRecorder[] {new LatencyRecorder(1 << 16), new LatencyRecorder(1 << 16)});
                    pair[0].record(nanos - times[0]);
                    pair[1].record(nanos - times[1]);
                }
            }
        };
        List<Session> sessions = connect(counting, count, 256, new ArrayList<>(count));
        emit("- " + counting.ready.get() + " of " + count + " sessions ready; " + rate + " msg/s for " + durationSeconds
                + " s after a " + warmupNanos / 1_000_000_000 + " s warm-up at the same rate; message "
                + MESSAGE.length() + " bytes" + (binary ? " + newline, binary frames" : ", text frames"));
        long interval = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long measureStart = t0 + warmupNanos;
        long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(durationSeconds);
        windowStart.set(measureStart);
        windowEnd.set(measureEnd);
        Cpu cpu = null;
        LatencyRecorder sendLag = new LatencyRecorder(1 << 16);
        long sent = 0;
        for (long i = 0; ; i++) {
            long intended = t0 + i * interval;
            if (intended >= measureEnd) {
                break;
            }
            long now = System.nanoTime();
            while (now < intended) {
                LockSupport.parkNanos(intended - now);
                now = System.nanoTime();
            }
            if (cpu == null && intended >= measureStart) {
                cpu = new Cpu();
            }
            if (intended >= measureStart) {
                sendLag.record(now - intended);
            }
            Session session = sessions.get((int) (i % count));
            synchronized (session.outstanding) {
                session.outstanding.addLast(new long[] {intended, now});
            }
            session.send();
            sent++;
        }
        String cpuLine = cpu == null ? "cpu: n/a" : cpu.stop();
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answered.get() < sent && System.nanoTime() < drainDeadline) {
            Thread.sleep(10);
        }
        int closedEarly = counting.closed.get();
        closeAll(sessions);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        LatencyRecorder fromIntended = new LatencyRecorder(1 << 16);
        LatencyRecorder fromActual = new LatencyRecorder(1 << 16);
        for (LatencyRecorder[] pair : recorders.values()) {
            fromIntended.addAll(pair[0]);
            fromActual.addAll(pair[1]);
        }
        emit(String.format(
                Locale.ROOT,
                "- sent %d, answered %d, unanswered after 10 s: %d; sessions closed by the server: %d",
                sent,
                answered.get(),
                sent - answered.get(),
                closedEarly));
        emit("- latency from intended send time (CO-corrected): "
                + fromIntended.summarize().describeMillis());
        emit("- latency from actual send: " + fromActual.summarize().describeMillis());
        emit("- sender lag (actual − intended): " + sendLag.summarize().describeMillis());
        emit("- " + cpuLine);
        emit("- loadavg(end)=" + CpuMeter.loadAverage());
    }

    // ---------------------------------------------------------------- idle sessions

    private void idle(int target) throws Exception {
        if (pids.isEmpty()) {
            throw new IllegalArgumentException("idle needs --pids name:pid,...");
        }
        long settleMillis = options.longValue("settle-ms", 2000);
        List<Integer> steps = new ArrayList<>();
        for (int step : new int[] {100, 1000, 5000}) {
            if (step < target) {
                steps.add(step);
            }
        }
        steps.add(target);
        Counting counting = new Counting();
        List<Session> sessions = new ArrayList<>(target);
        StringBuilder head = new StringBuilder("| sessions | ready |");
        StringBuilder rule = new StringBuilder("|---:|---:|");
        for (String name : pids.keySet()) {
            head.append(' ').append(name).append(" PSS KiB | ").append(name).append(" fds |");
            rule.append("---:|---:|");
        }
        head.append(" total PSS KiB |");
        rule.append("---:|");
        emit("");
        emit("PSS after a full GC (`jcmd <pid> GC.run`) of each process, " + settleMillis + " ms settle:");
        emit("");
        emit(head.toString());
        emit(rule.toString());
        Map<Integer, Long> total = new LinkedHashMap<>();
        Map<Integer, long[]> each = new LinkedHashMap<>();
        sampleIdle(0, counting, settleMillis, total, each);
        for (int step : steps) {
            connect(counting, step - sessions.size(), 256, sessions);
            sampleIdle(step, counting, settleMillis, total, each);
            if (counting.ready.get() - counting.closed.get() < step * 9 / 10) {
                emit("- stopped: fewer than 90 % of the sessions asked for are open");
                break;
            }
        }
        emit("");
        List<Integer> measured = new ArrayList<>(total.keySet());
        int last = measured.get(measured.size() - 1);
        for (int from : new int[] {100, 1000}) {
            if (!measured.contains(from) || last <= from) {
                continue;
            }
            StringBuilder slope = new StringBuilder(String.format(
                    Locale.ROOT,
                    "- slope %,d → %,d sessions: total %.2f KiB/session",
                    from,
                    last,
                    (total.get(last) - total.get(from)) / (double) (last - from)));
            int i = 0;
            for (String name : pids.keySet()) {
                slope.append(String.format(
                        Locale.ROOT,
                        ", %s %.2f",
                        name,
                        (each.get(last)[i] - each.get(from)[i]) / (double) (last - from)));
                i++;
            }
            emit(slope.toString());
        }
        closeAll(sessions);
        emit("- loadavg(end)=" + CpuMeter.loadAverage());
    }

    private void sampleIdle(
            int sessions, Counting counting, long settleMillis, Map<Integer, Long> total, Map<Integer, long[]> each)
            throws Exception {
        Thread.sleep(settleMillis);
        for (long pid : pids.values()) {
            new ProcessMemory(pid).fullGc();
        }
        Thread.sleep(settleMillis);
        StringBuilder row = new StringBuilder(
                String.format(Locale.ROOT, "| %,d | %,d |", sessions, counting.ready.get() - counting.closed.get()));
        long sum = 0;
        long[] values = new long[pids.size()];
        int i = 0;
        for (long pid : pids.values()) {
            ProcessMemory memory = new ProcessMemory(pid);
            long pss = memory.pssKib();
            values[i++] = pss;
            sum += pss;
            row.append(String.format(Locale.ROOT, " %,d | %,d |", pss, memory.openFiles()));
        }
        row.append(String.format(Locale.ROOT, " %,d |", sum));
        emit(row.toString());
        total.put(sessions, sum);
        each.put(sessions, values);
    }
}
