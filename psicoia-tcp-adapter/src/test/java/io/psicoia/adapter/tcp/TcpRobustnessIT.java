package io.psicoia.adapter.tcp;

import static io.psicoia.adapter.tcp.TcpChatServerIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.service.AdmissionConfig;
import io.psicoia.domain.testing.FakeLlmPort;
import io.psicoia.domain.text.SpanishTexts;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Bad clients, many clients, and what the logs may hold. */
class TcpRobustnessIT {

    @RegisterExtension
    final TcpServerExtension running = new TcpServerExtension();

    private TcpChatServer server;

    private int start(LlmPort llm, TcpServerConfig config, AdmissionConfig admission) throws InterruptedException {
        int port = running.start(llm, config, admission);
        server = running.server();
        return port;
    }

    private static TcpServerConfig withIdle(TcpServerConfig c, Duration idle) {
        return new TcpServerConfig(
                c.host(),
                c.port(),
                c.maxConnections(),
                c.maxConnectionsPerIp(),
                c.maxMessageChars(),
                idle,
                c.shutdownGrace(),
                c.trustedProxies(),
                c.rateMaxMessages(),
                c.rateWindow(),
                c.backlog(),
                c.maxPendingReplyBytes());
    }

    @Test
    void givenAClientThatStopsReading_whenAHugeReplyStreams_thenItIsDisconnectedAndTheModelCallStops()
            throws Exception {
        AtomicInteger sentPieces = new AtomicInteger();
        Cancellation[] seen = new Cancellation[1];
        String piece = "x".repeat(1024);
        LlmPort endless = (request, onDelta, cancellation) -> {
            seen[0] = cancellation;
            for (int i = 0; i < 1_000_000 && !cancellation.isCancelled(); i++) {
                onDelta.accept(piece);
                sentPieces.incrementAndGet();
            }
            return new LlmResult(
                    cancellation.isCancelled() ? FinishReason.CANCELLED : FinishReason.STOP, Optional.empty());
        };
        int port = start(endless, TcpChatServerIT.config(4000, 50), AdmissionConfig.DEFAULTS);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setReceiveBufferSize(4096);
            socket.getOutputStream().write("hola\n".getBytes(StandardCharsets.UTF_8));
            // Never read: the server must give up on us instead of buffering the whole reply.
            awaitTrue(() -> server.openConnections() == 0);
            InputStream in = socket.getInputStream();
            long received = 0;
            socket.setSoTimeout(5_000);
            byte[] buffer = new byte[65_536];
            for (int n; (n = in.read(buffer)) != -1; ) {
                received += n;
            }
            assertThat(received).isLessThan(16L * 1024 * 1024);
        }
        awaitTrue(() -> seen[0] != null && seen[0].isCancelled());
        assertThat(sentPieces.get()).isLessThan(1_000_000);
    }

    @Test
    void givenAnIdleTimeout_whenNothingHappens_thenAGoodbyeLineAndClosed() throws Exception {
        int port = start(
                new FakeLlmPort(),
                withIdle(TcpChatServerIT.config(4000, 50), Duration.ofMillis(300)),
                AdmissionConfig.DEFAULTS);

        try (LineClient client = new LineClient(port).greeted()) {
            assertThat(client.line()).isEqualTo(SpanishTexts.IDLE_GOODBYE);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void givenTwoHundredClientsSendingFiveEach_whenTheModelHasLatency_thenEveryMessageAnsweredOnceInOrder()
            throws Exception {
        int maxInFlight = 8;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        LlmPort slowEcho = (request, onDelta, cancellation) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
                String last =
                        request.messages().get(request.messages().size() - 1).text();
                onDelta.accept("eco " + last);
                return new LlmResult(FinishReason.STOP, Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new LlmResult(FinishReason.CANCELLED, Optional.empty());
            } finally {
                running.decrementAndGet();
            }
        };
        AdmissionConfig admission = new AdmissionConfig(
                maxInFlight, 5, 100, Duration.ofSeconds(10), 100_000, Duration.ofSeconds(2), Duration.ofSeconds(30));
        TcpServerConfig config = new TcpServerConfig(
                "127.0.0.1",
                0,
                1000,
                1000,
                4000,
                Duration.ofMinutes(1),
                Duration.ofSeconds(5),
                List.of(),
                100,
                Duration.ofSeconds(10),
                4096,
                1 << 20);
        int port = start(slowEcho, config, admission);
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < 200; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    try (LineClient line = new LineClient(port).greeted()) {
                        for (int m = 1; m <= 5; m++) {
                            line.send("c" + client + "-m" + m);
                        }
                        return line.lines(5);
                    }
                }));
            }
            for (int c = 0; c < 200; c++) {
                List<String> replies = results.get(c).get(60, TimeUnit.SECONDS);
                List<String> expected = new ArrayList<>();
                for (int m = 1; m <= 5; m++) {
                    expected.add("eco c" + c + "-m" + m);
                }
                assertThat(replies).as("client %d", c).containsExactlyElementsOf(expected);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(peak.get()).isLessThanOrEqualTo(maxInFlight);
        awaitTrue(() -> server.openConnections() == 0);
    }

    @Test
    void givenEveryLogLevelOn_whenCanaryMessagesFlowThroughBothModes_thenNoLogRecordHoldsThem() throws Exception {
        String canary = "CANARIO-" + Long.toHexString(System.nanoTime());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> capture = new ListAppender<>();
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.TRACE);
        try {
            FakeLlmPort llm = new FakeLlmPort().byDefault(FakeLlmPort.reply("eco ", canary));
            int port = start(llm, TcpChatServerIT.config(4000, 50), AdmissionConfig.DEFAULTS);
            try (LineClient plain = new LineClient(port).greeted()) {
                plain.send("hola " + canary);
                assertThat(plain.line()).contains(canary);
                // A message at risk goes through the safety layer (triage, notice, safety note, output check).
                plain.send("ya no aguanto más, me quiero matar " + canary);
                for (String line = plain.line(); !line.contains(canary); line = plain.line()) {
                    assertThat(line).doesNotContain(canary);
                }
                plain.send(canary.repeat(2000));
                plain.line();
                plain.send("salir");
            }
            try (LineClient json = new LineClient(port).greeted()) {
                json.send("{\"type\":\"hello\",\"client\":\"" + canary + "\",\"peer\":\"10.9.8.7\"}");
                json.line();
                json.send("{\"type\":\"message\",\"id\":\"" + canary + "\",\"text\":\"" + canary + "\"}");
                json.lines(2); // the reply (one sentence, released whole) and done
                json.send("{\"type\":\"" + canary + "\"}");
                json.line();
                json.send("{\"broken\":\"" + canary);
                json.line();
            }
            awaitTrue(() -> server.openConnections() == 0);
        } finally {
            root.detachAppender(capture);
            root.setLevel(previous);
        }

        assertThat(capture.list).isNotEmpty();
        for (ILoggingEvent event : capture.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(canary);
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(canary);
            }
        }
        assertThat(capture.list).anyMatch(event -> event.getFormattedMessage().contains("event=message.accepted"));
    }
}
