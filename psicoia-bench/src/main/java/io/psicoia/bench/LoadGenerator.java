package io.psicoia.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * Load for the TCP chat server in plain mode (every reply is one line). Modes:
 *
 * <ul>
 *   <li>{@code idle N}: holds N greeted connections; the server's PSS and RSS at 0, 100, 1,000, 10,000 and N sessions
 *       (before and after a full GC through {@code jcmd}), the slope per session, and again after all close (and,
 *       with {@code --linger-ms}, once more after that long idle).
 *   <li>{@code burst N}: N connects issued at once; how many get their whole greeting within the deadline.
 *   <li>{@code closed C}: C connections in a closed loop (send, wait for the reply, send again); msg/s and latency.
 *   <li>{@code open R D}: R msg/s for D seconds over {@code --connections}; latency from the intended send time
 *       (corrected for coordinated omission).
 * </ul>
 *
 * Common options: {@code --host 127.0.0.1 --port 5701 --threads 1 --server-pid P --out FILE}. Results go to stdout
 * and, with {@code --out}, are appended to FILE together with both command lines.
 */
public final class LoadGenerator {

    private static final String MESSAGE_TEXT = "Hoy me siento un poco ansioso por el trabajo, no se que hacer.\n";
    private static final ByteBuf MESSAGE = Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer(MESSAGE_TEXT, StandardCharsets.UTF_8).asReadOnly());

    private final Options options;
    private final InetSocketAddress address;
    private final long serverPid;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final StringBuilder report = new StringBuilder();

    private LoadGenerator(Options options) {
        this.options = options;
        this.address = new InetSocketAddress(options.string("host", "127.0.0.1"), options.integer("port", 5701));
        this.serverPid = options.longValue("server-pid", 0);
        this.group = new MultiThreadIoEventLoopGroup(
                options.integer("threads", 1), new DefaultThreadFactory("loadgen", true), NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, options.integer("connect-timeout-ms", 30_000));
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        LoadGenerator generator = new LoadGenerator(options);
        try {
            generator.run(options.positional(0, "help"));
        } finally {
            generator.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private void run(String mode) throws Exception {
        header(mode);
        switch (mode) {
            case "idle" -> idle(options.positionalInt(1, 20_000));
            case "burst" -> burst(options.positionalInt(1, 1000));
            case "closed" -> closed(options.positionalInt(1, 1000));
            case "open" -> open(options.positionalInt(1, 5000), options.positionalInt(2, 30));
            default -> {
                System.err.println("usage: LoadGenerator idle N | burst N | closed C | open R D  [--port 5701]"
                        + " [--threads 1] [--server-pid P] [--out FILE]");
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

    private void header(String mode) throws IOException {
        emit("### " + mode + " — " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        emit("- loadgen: `" + ProcessHandle.current().info().commandLine().orElse("?") + "`");
        if (serverPid > 0) {
            emit("- server: `" + new ProcessMemory(serverPid).commandLine() + "`");
        }
        emit("- cores=" + Runtime.getRuntime().availableProcessors() + " loadavg(start)=" + CpuMeter.loadAverage());
    }

    private void emit(String line) {
        System.out.println(line);
        System.out.flush();
        report.append(line).append('\n');
    }

    // ---------------------------------------------------------------- connecting

    /** Base listener: counts greetings and closes; modes override what they need. */
    private static class Counting implements Connection.Listener {
        final AtomicInteger greeted = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger otherLines = new AtomicInteger();
        volatile Semaphore pending;
        volatile CountDownLatch allGreeted;

        @Override
        public void greeted(Connection connection, long nanos) {
            greeted.incrementAndGet();
            if (pending != null) {
                pending.release();
            }
            if (allGreeted != null) {
                allGreeted.countDown();
            }
        }

        @Override
        public void line(Connection connection, boolean reply, long nanos) {
            if (!reply) {
                otherLines.incrementAndGet();
            }
        }

        @Override
        public void closed(Connection connection) {
            closed.incrementAndGet();
            if (!connection.greeted()) {
                if (pending != null) {
                    pending.release();
                }
                if (allGreeted != null) {
                    allGreeted.countDown();
                }
            }
        }
    }

    private ChannelFuture connect(Connection connection) {
        return bootstrap.clone().handler(connection).connect(address);
    }

    /**
     * Opens {@code count} more connections, at most {@code window} waiting for their greeting at a time, and waits
     * until each is greeted or gone.
     */
    private List<Connection> connectThrottled(Counting counting, int count, int window, List<Connection> into)
            throws InterruptedException {
        Semaphore pending = new Semaphore(window);
        CountDownLatch done = new CountDownLatch(count);
        counting.pending = pending;
        counting.allGreeted = done;
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            pending.acquire();
            Connection connection = new Connection(counting, System.nanoTime());
            into.add(connection);
            connect(connection).addListener(f -> {
                if (!f.isSuccess()) {
                    failed.incrementAndGet();
                    pending.release();
                    done.countDown();
                }
            });
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            emit("- WARNING: not every connection was greeted within 120 s");
        }
        if (failed.get() > 0) {
            emit("- connect failures: " + failed.get());
        }
        return into;
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            if (connection.channel != null) {
                connection.channel.close();
            }
        }
        for (Connection connection : connections) {
            if (connection.channel != null) {
                connection.channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- idle

    private void idle(int target) throws Exception {
        if (serverPid <= 0) {
            throw new IllegalArgumentException("idle needs --server-pid");
        }
        ProcessMemory memory = new ProcessMemory(serverPid);
        long settleMillis = options.longValue("settle-ms", 2000);
        List<Integer> steps = new ArrayList<>();
        for (int step : new int[] {100, 1000, 10_000}) {
            if (step < target) {
                steps.add(step);
            }
        }
        steps.add(target);
        Counting counting = new Counting();
        List<Connection> connections = new ArrayList<>(target);
        emit("");
        emit("| sessions | greeted | PSS KiB | RSS KiB | PSS KiB after GC | RSS KiB after GC | server fds |");
        emit("|---:|---:|---:|---:|---:|---:|---:|");
        long[] base = sample(memory, 0, counting, settleMillis);
        Map<Integer, long[]> at = new java.util.TreeMap<>();
        for (int step : steps) {
            connectThrottled(counting, step - connections.size(), 256, connections);
            at.put(step, sample(memory, step, counting, settleMillis));
        }
        emit("");
        slope("0 → 100", base, at.get(steps.get(0)), steps.get(0));
        if (at.containsKey(10_000)) {
            slope("100 → 10,000", at.get(100), at.get(10_000), 10_000 - 100);
        }
        slope("100 → " + target, at.get(100), at.get(target), target - 100);
        long holdMillis = options.longValue("hold-ms", 0);
        if (holdMillis > 0) {
            emit("- holding " + target + " sessions for " + holdMillis + " ms");
            Thread.sleep(holdMillis);
        }
        closeAll(connections);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (memory.openFiles() > base[4] + 16 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        emit("");
        emit("After closing all (closed by client; server fds " + memory.openFiles() + "):");
        Thread.sleep(settleMillis);
        long pss = memory.pssKib();
        long rss = memory.rssKib();
        memory.fullGc();
        Thread.sleep(settleMillis);
        emit(String.format(
                Locale.ROOT,
                "- PSS %d KiB, RSS %d KiB; after a full GC: PSS %d KiB, RSS %d KiB (idle baseline after GC: PSS %d,"
                        + " RSS %d; peak after GC: PSS %d)",
                pss,
                rss,
                memory.pssKib(),
                memory.rssKib(),
                base[2],
                base[3],
                at.get(target)[2]));
        // What an idle server hands back on its own (G1's periodic GC and uncommit, native-heap trimming), without
        // a GC forced from outside: sampled once more after --linger-ms.
        long lingerMillis = options.longValue("linger-ms", 0);
        if (lingerMillis > 0) {
            Thread.sleep(lingerMillis);
            emit(String.format(
                    Locale.ROOT,
                    "- after %d s idle, no GC forced: PSS %d KiB, RSS %d KiB",
                    lingerMillis / 1000,
                    memory.pssKib(),
                    memory.rssKib()));
        }
        // Later rounds show whether what stays after the first is a one-off (JIT, arenas) or grows with use.
        for (int round = 2; round <= options.integer("rounds", 1); round++) {
            List<Connection> again = connectThrottled(counting, target, 256, new ArrayList<>(target));
            Thread.sleep(settleMillis);
            long held = memory.pssKib();
            closeAll(again);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (memory.openFiles() > base[4] + 16 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            memory.fullGc();
            Thread.sleep(settleMillis);
            emit(String.format(
                    Locale.ROOT,
                    "- round %d: %,d sessions held PSS %d KiB; closed, after a full GC: PSS %d KiB, RSS %d KiB",
                    round,
                    target,
                    held,
                    memory.pssKib(),
                    memory.rssKib()));
        }
    }

    /** One row: {PSS, RSS, PSS after GC, RSS after GC, fds}. */
    private long[] sample(ProcessMemory memory, int sessions, Counting counting, long settleMillis) throws Exception {
        Thread.sleep(settleMillis);
        long pss = memory.pssKib();
        long rss = memory.rssKib();
        memory.fullGc();
        Thread.sleep(settleMillis);
        long[] row = {pss, rss, memory.pssKib(), memory.rssKib(), memory.openFiles()};
        emit(String.format(
                Locale.ROOT,
                "| %,d | %,d | %,d | %,d | %,d | %,d | %,d |",
                sessions,
                counting.greeted.get() - counting.closed.get(),
                row[0],
                row[1],
                row[2],
                row[3],
                row[4]));
        return row;
    }

    private void slope(String label, long[] from, long[] to, int sessions) {
        emit(String.format(
                Locale.ROOT,
                "- slope %s: PSS %.2f KiB/session (after GC %.2f), RSS %.2f KiB/session (after GC %.2f)",
                label,
                (to[0] - from[0]) / (double) sessions,
                (to[2] - from[2]) / (double) sessions,
                (to[1] - from[1]) / (double) sessions,
                (to[3] - from[3]) / (double) sessions));
    }

    // ---------------------------------------------------------------- burst

    private void burst(int count) throws Exception {
        long deadlineMillis = options.longValue("deadline-ms", 10_000);
        LatencyRecorder toGreeting = new LatencyRecorder(count);
        Counting counting = new Counting() {
            @Override
            public void greeted(Connection connection, long nanos) {
                synchronized (toGreeting) {
                    toGreeting.record(nanos - connection.startNanos);
                }
                super.greeted(connection, nanos);
            }
        };
        // Warm the client's connect path (class loading, JIT) so that the burst is issued as fast as it can be.
        closeAll(connectThrottled(new Counting(), 50, 50, new ArrayList<>()));
        Thread.sleep(1000);
        CountDownLatch done = new CountDownLatch(count);
        counting.allGreeted = done;
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Connection> connections = new ArrayList<>(count);
        // Sockets are opened and registered first; then every connect is issued back to back, so the SYNs leave
        // within milliseconds of each other.
        List<Channel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Connection connection = new Connection(counting, 0);
            connections.add(connection);
            channels.add(bootstrap.clone().handler(connection).register().sync().channel());
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            connections.get(i).startNanos = start;
            channels.get(i).connect(address).addListener(f -> {
                if (f.isSuccess()) {
                    connected.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    done.countDown();
                }
            });
        }
        long issued = System.nanoTime() - start;
        boolean all = done.await(deadlineMillis, TimeUnit.MILLISECONDS);
        long elapsed = System.nanoTime() - start;
        LatencyRecorder.Summary summary;
        synchronized (toGreeting) {
            summary = toGreeting.summarize();
        }
        emit(String.format(
                Locale.ROOT,
                "- %d connects issued in %.1f ms; within %d ms: greeted=%d connected-not-greeted=%d"
                        + " connect-failed=%d closed-by-server=%d%s",
                count,
                issued / 1e6,
                deadlineMillis,
                counting.greeted.get(),
                connected.get() - counting.greeted.get(),
                failed.get(),
                counting.closed.get(),
                all ? String.format(Locale.ROOT, " (all settled after %.1f ms)", elapsed / 1e6) : ""));
        emit("- time from burst start to full greeting: " + summary.describeMillis());
        closeAll(connections);
    }

    // ---------------------------------------------------------------- closed loop

    private void closed(int count) throws Exception {
        long warmupNanos = TimeUnit.SECONDS.toNanos(options.longValue("warmup-s", 5));
        long durationNanos = TimeUnit.SECONDS.toNanos(options.longValue("duration-s", 20));
        Map<EventLoop, LatencyRecorder> recorders = new ConcurrentHashMap<>();
        AtomicLong measured = new AtomicLong();
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
        Counting counting = new Counting() {
            @Override
            public void line(Connection connection, boolean reply, long nanos) {
                super.line(connection, reply, nanos);
                if (nanos >= windowEnd.get()) {
                    return;
                }
                if (nanos >= windowStart.get() && connection.sentNanos >= windowStart.get()) {
                    recorders
                            .computeIfAbsent(connection.channel.eventLoop(), l -> new LatencyRecorder(1 << 16))
                            .record(nanos - connection.sentNanos);
                    measured.incrementAndGet();
                }
                send(connection);
            }
        };
        List<Connection> connections = connectThrottled(counting, count, 256, new ArrayList<>(count));
        emit("- " + count + " connections greeted; warm-up " + warmupNanos / 1_000_000_000 + " s, measured "
                + durationNanos / 1_000_000_000 + " s; message " + (MESSAGE_TEXT.length() - 1) + " chars");
        for (Connection connection : connections) {
            connection.channel.eventLoop().execute(() -> send(connection));
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(warmupNanos));
        CpuMeter cpu = new CpuMeter(serverPid);
        cpu.start();
        double serverCpuStart = cpu.serverSeconds();
        long start = System.nanoTime();
        windowStart.set(start);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(durationNanos));
        long end = System.nanoTime();
        windowEnd.set(end);
        String cpuLine = cpu.stop();
        double serverCpu = cpu.serverSeconds() - serverCpuStart;
        Thread.sleep(500);
        int closedByServer = counting.closed.get();
        closeAll(connections);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        LatencyRecorder all = new LatencyRecorder(1 << 16);
        recorders.values().forEach(all::addAll);
        double seconds = (end - start) / 1e9;
        emit(String.format(
                Locale.ROOT,
                "- throughput: %.0f msg/s (%d replies in %.2f s); other lines (refusals): %d; closed by server: %d",
                measured.get() / seconds,
                measured.get(),
                seconds,
                counting.otherLines.get(),
                closedByServer));
        emit("- latency send → reply: " + all.summarize().describeMillis());
        emit("- " + cpuLine);
        if (serverPid > 0 && measured.get() > 0) {
            emit(String.format(Locale.ROOT, "- server CPU per message: %.1f µs", serverCpu * 1e6 / measured.get()));
        }
        emit("- loadavg(end)=" + CpuMeter.loadAverage());
    }

    private static void send(Connection connection) {
        connection.sentNanos = System.nanoTime();
        connection.channel.writeAndFlush(MESSAGE.duplicate(), connection.channel.voidPromise());
    }

    // ---------------------------------------------------------------- open loop

    private void open(int rate, int durationSeconds) throws Exception {
        int count = options.integer("connections", 1000);
        long warmupNanos = TimeUnit.SECONDS.toNanos(options.longValue("warmup-s", 5));
        Map<EventLoop, LatencyRecorder[]> recorders = new ConcurrentHashMap<>();
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong answered = new AtomicLong();
        Counting counting = new Counting() {
            @Override
            public void line(Connection connection, boolean reply, long nanos) {
                super.line(connection, reply, nanos);
                long[] sent;
                synchronized (connection.outstanding) {
                    sent = connection.outstanding.pollFirst();
                }
                if (sent == null) {
                    return;
                }
                answered.incrementAndGet();
                if (sent[0] >= windowStart.get() && sent[0] < windowEnd.get()) {
                    LatencyRecorder[] pair =
                            recorders.computeIfAbsent(connection.channel.eventLoop(), l -> new LatencyRecorder[] {
                                new LatencyRecorder(1 << 16), new LatencyRecorder(1 << 16), new LatencyRecorder(1 << 16)
                            });
                    pair[0].record(nanos - sent[0]);
                    pair[1].record(nanos - sent[1]);
                    pair[2].record(sent[0] - windowStart.get());
                }
            }
        };
        List<Connection> connections = connectThrottled(counting, count, 256, new ArrayList<>(count));
        emit("- " + count + " connections greeted; " + rate + " msg/s for " + durationSeconds + " s after a "
                + warmupNanos / 1_000_000_000 + " s warm-up at the same rate; message " + (MESSAGE_TEXT.length() - 1)
                + " chars");
        long interval = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long measureStart = t0 + warmupNanos;
        long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(durationSeconds);
        windowStart.set(measureStart);
        windowEnd.set(measureEnd);
        CpuMeter cpu = null;
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
                cpu = new CpuMeter(serverPid);
                cpu.start();
            }
            if (intended >= measureStart) {
                sendLag.record(now - intended);
            }
            Connection connection = connections.get((int) (i % count));
            synchronized (connection.outstanding) {
                connection.outstanding.addLast(new long[] {intended, now});
            }
            connection.channel.writeAndFlush(MESSAGE.duplicate(), connection.channel.voidPromise());
            sent++;
        }
        String cpuLine = cpu == null ? "cpu: n/a" : cpu.stop();
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answered.get() < sent && System.nanoTime() < drainDeadline) {
            Thread.sleep(10);
        }
        closeAll(connections);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        LatencyRecorder fromIntended = new LatencyRecorder(1 << 16);
        LatencyRecorder fromActual = new LatencyRecorder(1 << 16);
        for (LatencyRecorder[] pair : recorders.values()) {
            fromIntended.addAll(pair[0]);
            fromActual.addAll(pair[1]);
        }
        emit(String.format(
                Locale.ROOT,
                "- sent %d, answered %d, unanswered after 10 s: %d; other lines (refusals): %d; replies glued to"
                        + " the previous one (empty line): %d",
                sent,
                answered.get(),
                sent - answered.get(),
                counting.otherLines.get(),
                connections.stream().mapToLong(c -> c.emptyLines).sum()));
        String samples = options.string("samples", "");
        if (!samples.isEmpty()) {
            // Every measured sample as "ms since the window opened<TAB>latency ms from the intended send time", to
            // see whether the tail comes in clusters (pauses) or spread out.
            try (java.io.PrintWriter writer =
                    new java.io.PrintWriter(samples, java.nio.charset.StandardCharsets.UTF_8)) {
                for (LatencyRecorder[] pair : recorders.values()) {
                    for (int k = 0; k < pair[0].count(); k++) {
                        writer.printf(Locale.ROOT, "%.3f\t%.3f%n", pair[2].at(k) / 1e6, pair[0].at(k) / 1e6);
                    }
                }
            }
        }
        emit("- latency from intended send time (CO-corrected): "
                + fromIntended.summarize().describeMillis());
        emit("- latency from actual send: " + fromActual.summarize().describeMillis());
        emit("- sender lag (actual − intended): " + sendLag.summarize().describeMillis());
        emit("- " + cpuLine);
        emit("- loadavg(end)=" + CpuMeter.loadAverage());
    }
}
