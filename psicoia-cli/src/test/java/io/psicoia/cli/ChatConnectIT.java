package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psicoia.adapter.tcp.TcpChatServer;
import io.psicoia.adapter.tcp.TcpServerConfig;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.service.AdmissionConfig;
import io.psicoia.domain.service.ChatService;
import io.psicoia.domain.testing.FakeLlmPort;
import io.psicoia.domain.text.SpanishTexts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** psicoia chat --connect against a real TCP server on loopback, and against a scripted one for odd frames. */
class ChatConnectIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TcpChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ZERO);
        }
    }

    private String start(ChatService chat) throws InterruptedException {
        TcpServerConfig d = TcpServerConfig.DEFAULTS;
        server = new TcpChatServer(
                new TcpServerConfig(
                        "127.0.0.1",
                        0,
                        d.maxConnections(),
                        d.maxConnectionsPerIp(),
                        d.maxMessageChars(),
                        d.idleTimeout(),
                        d.shutdownGrace(),
                        d.trustedProxies(),
                        d.rateMaxMessages(),
                        d.rateWindow(),
                        d.backlog(),
                        d.maxPendingReplyBytes()),
                chat,
                chat);
        return "127.0.0.1:" + server.start();
    }

    @Test
    void givenARunningApp_whenChattingThroughIt_thenTheReplyStreamsAndTheChatEndsWithAGoodbye() throws Exception {
        FakeLlmPort llm = new FakeLlmPort().then(FakeLlmPort.reply("Te ", "escucho. ", "¿Qué te pasa?"));
        String address = start(ChatService.builder(llm).build());

        CliRun run = CliRun.of("hola\n\nsalir\n", Map.of(), "chat", "--connect", address);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(ChatSession.INTRO)
                .contains(ChatSession.REPLY_PREFIX + "Te escucho. ¿Qué te pasa?\n")
                .endsWith(SpanishTexts.GOODBYE + "\n");
        assertThat(run.err()).isEmpty();
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenARateLimitOfOneMessage_whenASecondIsSent_thenTheServersSpanishSentenceIsShown() throws Exception {
        FakeLlmPort llm = new FakeLlmPort();
        AdmissionConfig oneMessage =
                new AdmissionConfig(50, 2, 1, Duration.ofMinutes(1), 30, Duration.ofSeconds(2), Duration.ofSeconds(30));
        String address = start(ChatService.builder(llm).admission(oneMessage).build());

        CliRun run = CliRun.of("hola\notra vez\nsalir\n", Map.of(), "chat", "--connect", address);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(ChatSession.REPLY_PREFIX + "Te escucho.\n")
                .containsPattern(
                        "PsicoIA › Tranca, demasiados mensajes seguidos\\. Probá de nuevo en (60|59) segundos\\.\n");
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenAClosedPort_whenConnecting_thenExitThreeWithOneSpanishLineNamingTheAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        CliRun run = CliRun.of("hola\n", Map.of(), "chat", "--connect", "127.0.0.1:" + port);

        assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_BIND_OR_CONNECT);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("No pude conectarme con PsicoIA en 127.0.0.1:" + port)
                .contains("psicoia app");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void givenTheServerStopsDuringAReply_whenChatting_thenItsNoticeAndACalmLineAreShownAndTheExitIsOne()
            throws Exception {
        FakeLlmPort llm = new FakeLlmPort().hold();
        String address = start(ChatService.builder(llm).build());

        CompletableFuture<CliRun> run =
                CompletableFuture.supplyAsync(() -> CliRun.of("hola\nsalir\n", Map.of(), "chat", "--connect", address));
        await(() -> llm.running() == 1);
        // A short grace, as in real use: with none the server may close before its notice is written.
        server.shutdown(Duration.ofMillis(200));
        CliRun done = run.get(10, TimeUnit.SECONDS);
        llm.open();

        assertThat(done.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(done.out())
                .contains(ChatSession.REPLY_PREFIX + "PsicoIA se va a detener")
                .doesNotContain(SpanishTexts.GOODBYE);
        assertThat(done.err()).isEqualTo(ChatSession.CONNECTION_LOST + "\n");
    }

    @Test
    void givenAReplyInProgress_whenThePersonCancels_thenTheServerStopsItAndTheTurnEndsIncomplete() throws Exception {
        FakeLlmPort llm = new FakeLlmPort().hold();
        String address = start(ChatService.builder(llm).build());
        ServerAddress server = ServerAddress.parse(address).orElseThrow();

        try (RemoteChatBackend backend = RemoteChatBackend.connect(server, "test/1", "es", Duration.ofSeconds(5))) {
            Cancellation cancellation = new Cancellation();
            CompletableFuture<ChatBackend.TurnEnd> turn =
                    CompletableFuture.supplyAsync(() -> backend.send("hola", text -> {}, cancellation));
            await(() -> llm.running() == 1);
            cancellation.cancel();

            assertThat(turn.get(5, TimeUnit.SECONDS)).isEqualTo(new ChatBackend.TurnEnd.Replied(false));
            await(() -> llm.running() == 0);
        }
    }

    @Test
    void givenAServerSendingOddFrames_whenChatting_thenOnlyThisMessagesEventsAreShownAndNothingCrashes()
            throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ScriptedServer scripted = ScriptedServer.start((in, out) -> {
            send(out, "Usuario-9 conectado.", SpanishTexts.WELCOME, SpanishTexts.INVITATION);
            received.add(in.readLine());
            send(out, "{\"type\":\"pong\"}", "{\"type\":\"welcome\",\"user\":\"Usuario-9\",\"limits\":{}}");
            received.add(in.readLine());
            send(
                    out,
                    "{not json",
                    "[1,2]",
                    "{\"type\":42}",
                    "{\"type\":\"typing\",\"id\":\"m1\"}",
                    "{\"type\":\"queued\",\"id\":\"m1\"}",
                    "{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"Hola \\u001b[2J\"}",
                    "{\"type\":\"delta\",\"id\":\"m0\",\"text\":\"viejo\"}",
                    "{\"type\":\"delta\",\"id\":\"m1\"}",
                    "{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"de nuevo.\",\"extra\":true}",
                    "{\"type\":\"done\",\"id\":\"m1\",\"complete\":false}");
            received.add(in.readLine());
        })) {
            CliRun run = CliRun.of("hola\nsalir\n", Map.of(), "chat", "--connect", scripted.address());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains(ChatSession.REPLY_PREFIX + SpanishTexts.QUEUED + "\n")
                    .contains(ChatSession.REPLY_PREFIX + "Hola [2Jde nuevo. (respuesta interrumpida)\n")
                    .doesNotContain("viejo")
                    .doesNotContain("\u001b");
            scripted.awaitDone();
        }
        assertThat(received).hasSize(3);
        JsonNode hello = JSON.readTree(received.get(0));
        assertThat(hello.get("type").asText()).isEqualTo("hello");
        assertThat(hello.get("client").asText()).startsWith("psicoia-chat/");
        assertThat(hello.get("locale").asText()).isEqualTo(ChatBackend.localeTag(java.util.Locale.getDefault()));
        assertThat(JSON.readTree(received.get(1)))
                .isEqualTo(JSON.readTree("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"hola\"}"));
        assertThat(JSON.readTree(received.get(2))).isEqualTo(JSON.readTree("{\"type\":\"bye\"}"));
    }

    @Test
    void givenARunningApp_whenAMessageShowsHighRisk_thenAFramedNoticeWithTheLinesComesBeforeTheReply()
            throws Exception {
        FakeLlmPort llm = new FakeLlmPort().then(FakeLlmPort.reply("Estoy acá con vos."));
        String address = start(ChatService.builder(llm).build());
        ServerAddress server = ServerAddress.parse(address).orElseThrow();
        java.io.StringWriter screen = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(screen, true);

        try (RemoteChatBackend backend = RemoteChatBackend.connect(server, "test/1", "es-AR", Duration.ofSeconds(5))) {
            LineSource lines = LineSource.of(new java.io.ByteArrayInputStream(
                    "ya no aguanto más, esta noche me quiero matar\n/ayuda\nsalir\n".getBytes(StandardCharsets.UTF_8)));
            int exit = new ChatSession(backend, lines, out, out, false, false).run();
            assertThat(exit).isZero();
        }

        String shown = screen.toString();
        int frame = shown.indexOf("┌─ " + ChatSession.NOTICE_TITLE_CRISIS + " ");
        assertThat(frame).as("the notice's frame").isPositive();
        assertThat(shown.indexOf("0800-999-0091"))
                .as("the Argentine line, in the frame")
                .isGreaterThan(frame);
        assertThat(shown.indexOf(ChatSession.REPLY_PREFIX + "Estoy acá con vos."))
                .isGreaterThan(frame);
        assertThat(shown).contains("│ Lo que me contás me preocupa mucho").contains("911");
        // /ayuda: the lines again, framed, and no empty reply line after them.
        int help = shown.indexOf("┌─ " + ChatSession.NOTICE_TITLE_CRISIS + " ", frame + 1);
        assertThat(help).as("/ayuda's frame").isPositive();
        assertThat(shown.substring(help)).contains("Estas son las líneas").doesNotContain(ChatSession.REPLY_PREFIX);
        assertThat(shown.lines().filter(line -> line.startsWith("│")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(ChatSession.NOTICE_WIDTH));
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenAServerSendingSafetyFrames_whenChatting_thenTheNoticeIsFramedAndOddFieldsAreIgnored() throws Exception {
        try (ScriptedServer scripted = ScriptedServer.start((in, out) -> {
            in.readLine();
            send(out, "{\"type\":\"welcome\",\"user\":\"Usuario-3\"}");
            in.readLine();
            send(
                    out,
                    "{\"type\":\"safety\",\"id\":\"m0\",\"level\":\"high\",\"message\":\"viejo\"}",
                    "{\"type\":\"safety\",\"id\":\"m1\",\"level\":\"high\"}",
                    "{\"type\":\"safety\",\"id\":\"m1\",\"level\":\"rarísimo\",\"about\":\"self\","
                            + "\"country\":null,\"future\":{\"a\":1},\"message\":\"Primera línea \\u001b[31m\\n"
                            + "• Línea de prueba: 0800-000-0000\",\"resources\":[{\"name\":\"Línea de prueba\","
                            + "\"contact\":\"0800-000-0000\",\"channel\":\"call\"}]}",
                    "{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"Sigo acá.\"}",
                    "{\"type\":\"done\",\"id\":\"m1\"}");
            in.readLine();
        })) {
            CliRun run = CliRun.of("hola\nsalir\n", Map.of(), "chat", "--connect", scripted.address());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("\n\n┌─ " + ChatSession.NOTICE_TITLE_HELP + " ─")
                    .contains("│ Primera línea [31m\n│ • Línea de prueba: 0800-000-0000\n└─")
                    .contains("─\n\n" + ChatSession.REPLY_PREFIX + "Sigo acá.\n")
                    .doesNotContain("viejo")
                    .doesNotContain("\u001b");
            scripted.awaitDone();
        }
    }

    @Test
    void givenAServerThatRefusesTheConnection_whenConnecting_thenItsSentenceIsShownWithExitThree() throws Exception {
        String refusal =
                "PsicoIA está recibiendo demasiadas conexiones en este momento. Probá de nuevo en unos minutos.";
        try (ScriptedServer scripted = ScriptedServer.start((in, out) -> send(out, refusal))) {
            CliRun run = CliRun.of("hola\n", Map.of(), "chat", "--connect", scripted.address());

            assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_BIND_OR_CONNECT);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains(scripted.address()).contains(refusal);
        }
    }

    @Test
    void givenEveryLogLevelOn_whenARemoteChatRuns_thenNoLogLineHoldsTheMessageOrTheReply(@TempDir Path dir)
            throws Exception {
        String canary = "CANARIO-" + Long.toHexString(System.nanoTime());
        FakeLlmPort llm = new FakeLlmPort().then(FakeLlmPort.reply("Escucho ", canary, " en lo que decís."));
        String address = start(ChatService.builder(llm).build());
        Path logFile = dir.resolve("psicoia.log");

        CliRun run = CliRun.of(
                "hola " + canary + "\nsalir\n",
                Map.of(),
                "chat",
                "--connect",
                address,
                "--log-level",
                "trace",
                "--log-file",
                logFile.toString());

        String logs = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Escucho " + canary);
        assertThat(logs).contains("event=chat.start", "event=chat.connected", "event=chat.turn", "event=chat.end");
        assertThat(logs).doesNotContain(canary);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited 5 s").isNegative();
            Thread.sleep(10);
        }
    }

    private static void send(OutputStream out, String... lines) throws IOException {
        for (String line : lines) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /** A one-connection server on loopback that plays a script, to send what a real app never would. */
    private static final class ScriptedServer implements AutoCloseable {
        interface Script {
            void play(BufferedReader in, OutputStream out) throws IOException;
        }

        private final ServerSocket listener;
        private final CompletableFuture<Void> done;

        private ScriptedServer(ServerSocket listener, CompletableFuture<Void> done) {
            this.listener = listener;
            this.done = done;
        }

        static ScriptedServer start(Script script) throws IOException {
            ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                try (Socket socket = listener.accept()) {
                    script.play(
                            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)),
                            socket.getOutputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new ScriptedServer(listener, done);
        }

        String address() {
            return "127.0.0.1:" + listener.getLocalPort();
        }

        void awaitDone() throws Exception {
            done.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
