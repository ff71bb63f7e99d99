package io.psicoia.bench;

import io.psicoia.adapter.admin.AdminMetrics;
import io.psicoia.adapter.admin.MicrometerChatEvents;
import io.psicoia.adapter.llm.JtokkitTokenCounter;
import io.psicoia.adapter.tcp.TcpChatServer;
import io.psicoia.adapter.tcp.TcpServerConfig;
import io.psicoia.domain.model.TokenCounter;
import io.psicoia.domain.port.out.ChatEvents;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.service.AdmissionConfig;
import io.psicoia.domain.service.ChatService;
import io.psicoia.domain.service.ChatThreads;
import io.psicoia.domain.service.TokenCounters;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The TCP chat server as {@code psicoia app} wires it ({@link ChatThreads#workers} pool, one timer thread, rate-state
 * purge every minute), but with an instant LLM and raised limits, so that what is measured is PsicoIA's own cost.
 *
 * <pre>
 * java -cp psicoia-bench/target/psicoia-bench.jar io.psicoia.bench.BenchServer [--port 5701] [--delay-ms 0]
 *     [--deltas 1] [--max-in-flight 50] [--max-connections 30000] [--backlog 4096] [--metrics true]
 * </pre>
 *
 * <p>Prints one line {@code bench-server port=P pid=N} when it listens, then runs until killed (SIGTERM closes it
 * with a zero grace period).
 */
public final class BenchServer {

    /** Every reply starts with this letter; the load generator tells replies from refusals by it. */
    static final String REPLY = "Respuesta instantanea de prueba: te escucho, contame un poco mas.";

    private BenchServer() {}

    public static void main(String[] args) throws InterruptedException {
        Options options = new Options(args);
        int port = options.integer("port", 5701);
        long delayMillis = options.longValue("delay-ms", 0);
        int deltas = options.integer("deltas", 1);
        int maxInFlight = options.integer("max-in-flight", 50);
        int maxConnections = options.integer("max-connections", 30_000);
        int backlog = options.integer("backlog", 4096);
        if (Boolean.parseBoolean(options.string("floor", "false"))) {
            int bound = FloorServer.start(port, backlog);
            System.out.println("bench-server port=" + bound + " pid="
                    + ProcessHandle.current().pid() + " floor=true");
            System.out.flush();
            new CountDownLatch(1).await();
            return;
        }

        // Rate limits raised so that they never refuse the load (a 1 ms window; per-address high because every
        // client comes from 127.0.0.1). perUserMax raised for the open loop, which pipelines on a connection.
        AdmissionConfig admission = new AdmissionConfig(
                maxInFlight,
                1000,
                1000,
                Duration.ofMillis(1),
                1_000_000,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        ExecutorService workers = ChatThreads.workers("bench-llm", maxInFlight);
        ScheduledExecutorService timers = ChatThreads.timers("bench-timer");
        // The app counts prompt tokens with jtokkit; so does the bench, unless told to use the cheap estimate.
        TokenCounter tokens = Boolean.parseBoolean(options.string("estimate-tokens", "false"))
                ? TokenCounters.ESTIMATE
                : new JtokkitTokenCounter();
        // The app counts every message in its Prometheus registry (the admin port is on by default); so does the
        // bench, unless told not to.
        ChatEvents events = Boolean.parseBoolean(options.string("metrics", "true"))
                ? new MicrometerChatEvents(AdminMetrics.create("app"))
                : ChatEvents.NONE;
        ChatService chat = ChatService.builder(instantLlm(delayMillis, deltas))
                .events(events)
                .tokenCounter(tokens)
                .admission(admission)
                .worker(workerFor(options, workers))
                .timers(timers)
                .build();
        timers.scheduleAtFixedRate(chat::purgeExpiredRateState, 1, 1, TimeUnit.MINUTES);

        TcpServerConfig d = TcpServerConfig.DEFAULTS;
        TcpServerConfig config = new TcpServerConfig(
                "127.0.0.1",
                port,
                maxConnections,
                maxConnections,
                d.maxMessageChars(),
                d.idleTimeout(),
                Duration.ZERO,
                d.trustedProxies(),
                admission.rateMaxMessages(),
                admission.rateWindow(),
                backlog,
                d.maxPendingReplyBytes());
        TcpChatServer server = new TcpChatServer(config, chat, chat);
        int bound = server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            workers.shutdownNow();
            timers.shutdownNow();
            stopped.countDown();
        }));
        System.out.println(
                "bench-server port=" + bound + " pid=" + ProcessHandle.current().pid() + " delayMs="
                        + delayMillis + " deltas=" + deltas + " maxInFlight=" + maxInFlight + " maxConnections="
                        + maxConnections + " backlog=" + backlog);
        System.out.flush();
        stopped.await();
    }

    /**
     * The executor model calls run on: the app's pool, or for experiments a fixed pool ({@code --fixed-workers
     * N}) or the granting thread itself ({@code --direct-worker true}).
     */
    private static java.util.concurrent.Executor workerFor(Options options, ExecutorService cached) {
        if (Boolean.parseBoolean(options.string("direct-worker", "false"))) {
            return Runnable::run;
        }
        int fixed = options.integer("fixed-workers", 0);
        return fixed > 0 ? java.util.concurrent.Executors.newFixedThreadPool(fixed) : cached;
    }

    /** Answers at once (or after {@code delayMillis}) with {@link #REPLY}, split into {@code deltas} pieces. */
    static LlmPort instantLlm(long delayMillis, int deltas) {
        String[] pieces = split(REPLY, deltas);
        long delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        return (request, onDelta, cancellation) -> {
            if (delayNanos > 0) {
                LockSupport.parkNanos(delayNanos);
            }
            for (String piece : pieces) {
                if (cancellation.isCancelled()) {
                    return new LlmResult(FinishReason.CANCELLED, Optional.empty());
                }
                onDelta.accept(piece);
            }
            return new LlmResult(FinishReason.STOP, Optional.empty());
        };
    }

    static String[] split(String text, int parts) {
        int n = Math.max(1, Math.min(parts, text.length()));
        String[] pieces = new String[n];
        int size = text.length() / n;
        for (int i = 0; i < n; i++) {
            int end = i == n - 1 ? text.length() : (i + 1) * size;
            pieces[i] = text.substring(i * size, end);
        }
        return pieces;
    }
}
