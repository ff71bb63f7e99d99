package io.psicoia.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import io.psicoia.domain.service.AdmissionConfig;
import io.psicoia.domain.testing.FakeLlmPort;
import io.psicoia.domain.text.SpanishTexts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TCP chat server on a real loopback socket, in plain mode and JSON mode. */
class TcpChatServerIT {

    @RegisterExtension
    final TcpServerExtension running = new TcpServerExtension();

    private final FakeLlmPort llm = new FakeLlmPort();
    private TcpChatServer server;

    private int start(TcpServerConfig config, AdmissionConfig admission) throws InterruptedException {
        int port = running.start(llm, config, admission);
        server = running.server();
        return port;
    }

    private int start() throws InterruptedException {
        return start(config(4000, 50), AdmissionConfig.DEFAULTS);
    }

    static TcpServerConfig config(int maxChars, int perIp) {
        return config(maxChars, perIp, TcpServerConfig.DEFAULTS.trustedProxies());
    }

    static TcpServerConfig config(int maxChars, int perIp, List<String> trustedProxies) {
        TcpServerConfig d = TcpServerConfig.DEFAULTS;
        return new TcpServerConfig(
                "127.0.0.1",
                0,
                d.maxConnections(),
                perIp,
                maxChars,
                d.idleTimeout(),
                Duration.ofSeconds(5),
                trustedProxies,
                d.rateMaxMessages(),
                d.rateWindow(),
                d.backlog(),
                64 * 1024);
    }

    static AdmissionConfig admission(int maxInFlight, int perUserMax, int rateMax) {
        return new AdmissionConfig(
                maxInFlight,
                perUserMax,
                rateMax,
                Duration.ofSeconds(10),
                rateMax * 5,
                Duration.ofMillis(100),
                Duration.ofSeconds(5));
    }

    @Test
    void givenANewConnection_whenItOpens_thenTheOriginalsThreeGreetingLines() throws Exception {
        int port = start();

        try (LineClient first = new LineClient(port);
                LineClient second = new LineClient(port)) {
            List<String> greeting = first.lines(3);
            assertThat(greeting.get(0)).matches("Usuario-\\d+ conectado\\.");
            assertThat(greeting.subList(1, 3))
                    .containsExactly(
                            "Bienvenido a PsicoIA.", "Contame cómo te sentís hoy. Escribí 'salir' para cerrar.");
            assertThat(second.line()).isNotEqualTo(greeting.get(0));
        }
    }

    @Test
    void givenPlainMode_whenChatting_thenRepliesEndWithANewlineBlankLinesAreIgnoredAndSalirCloses() throws Exception {
        llm.then(FakeLlmPort.reply("Te ", "escucho. ", "¿Qué pasó?")).then(FakeLlmPort.reply("Sigo acá."));
        int port = start();

        try (LineClient client = new LineClient(port).greeted()) {
            client.send("hola");
            assertThat(client.line()).isEqualTo("Te escucho. ¿Qué pasó?");
            client.send("").send("   ").send("\t").send("me siento solo");
            assertThat(client.line()).isEqualTo("Sigo acá.");
            client.send("  SALIR ");
            assertThat(client.line()).isEqualTo("Gracias por usar PsicoIA. Cuidate!");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(llm.calls()).isEqualTo(2);
    }

    @Test
    void givenPlainModeAndTheRateLimitReached_whenARiskyLineArrives_thenTheNoticeLinesThenTheReply() throws Exception {
        int port = start(config(4000, 50), admission(5, 2, 1));

        try (LineClient client = new LineClient(port).greeted()) {
            client.send("hola");
            assertThat(client.line()).isEqualTo("Te escucho.");
            client.send("¿estás?");
            assertThat(client.line()).startsWith("Tranca, demasiados mensajes seguidos.");
            client.send("ya no aguanto más, esta noche me quiero matar");

            assertThat(client.line())
                    .startsWith("Lo que me contás me preocupa mucho")
                    .contains("número de emergencias del lugar donde estés");
            List<String> rest = new java.util.ArrayList<>();
            for (String line = client.line(); !line.equals("Te escucho."); line = client.line()) {
                rest.add(line);
            }
            // No country is known: nothing is guessed, the person is asked where they are.
            assertThat(String.join("\n", rest)).contains("/pais", "No sé en qué país estás");
            client.send("/respirar");
            assertThat(client.line()).startsWith("Vamos a respirar juntos");
        }
        assertThat(llm.calls()).isEqualTo(2);
    }

    @Test
    void givenCrLfLineEnds_whenChatting_thenTheyWorkLikeNewlines() throws Exception {
        int port = start();

        try (LineClient client = new LineClient(port).greeted()) {
            client.sendRaw("hola\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(client.line()).isEqualTo("Te escucho.");
        }
    }

    @Test
    void givenSixMessagesInTheWindow_whenTheSeventhArrives_thenRefusedWithTheWaitAndTheModelIsNotCalled()
            throws Exception {
        int port = start(config(4000, 50), admission(5, 2, 6));

        try (LineClient client = new LineClient(port).greeted()) {
            for (int i = 1; i <= 6; i++) {
                client.send("mensaje " + i);
                assertThat(client.line()).isEqualTo("Te escucho.");
            }
            client.send("mensaje 7");
            assertThat(client.line())
                    .matches("Tranca, demasiados mensajes seguidos\\. Probá de nuevo en (\\d+) segundos?\\.");
            assertThat(llm.calls()).isEqualTo(6);
            client.send("salir");
            assertThat(client.line()).startsWith("Gracias");
        }
    }

    @Test
    void givenReconnecting_whenTheAddressWindowIsFull_thenTheLimitDoesNotReset() throws Exception {
        int port = start(
                config(4000, 50),
                new AdmissionConfig(5, 2, 6, Duration.ofSeconds(10), 3, Duration.ofMillis(100), Duration.ofSeconds(5)));

        for (int i = 0; i < 3; i++) {
            try (LineClient client = new LineClient(port).greeted()) {
                client.send("hola");
                assertThat(client.line()).isEqualTo("Te escucho.");
            }
        }
        try (LineClient client = new LineClient(port).greeted()) {
            client.send("hola otra vez");
            assertThat(client.line()).startsWith("Tranca, demasiados mensajes seguidos.");
        }
    }

    @Test
    void givenATenMebibyteLine_whenSent_thenTooLongAndTheConnectionKeepsWorking() throws Exception {
        int port = start(config(100, 50), AdmissionConfig.DEFAULTS);
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');

        try (LineClient client = new LineClient(port).greeted()) {
            client.sendRaw(huge).send("");
            assertThat(client.line()).startsWith("Tu mensaje es demasiado largo: el máximo es de 100 caracteres.");
            client.send("hola");
            assertThat(client.line()).isEqualTo("Te escucho.");
        }
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenInvalidUtf8_whenSent_thenACalmLineAndTheConnectionKeepsWorking() throws Exception {
        int port = start();

        try (LineClient client = new LineClient(port).greeted()) {
            client.sendRaw(new byte[] {'h', 'o', (byte) 0xC3, (byte) 0x28, 'l', 'a', '\n'});
            assertThat(client.line()).startsWith("No pude leer ese mensaje");
            client.send("hola");
            assertThat(client.line()).isEqualTo("Te escucho.");
        }
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenAReplyInProgress_whenTheClientDisconnects_thenTheModelCallIsCancelled() throws Exception {
        llm.hold();
        int port = start();

        try (LineClient client = new LineClient(port).greeted()) {
            client.send("hola");
            awaitTrue(() -> llm.running() == 1);
        }

        awaitTrue(() -> llm.running() == 0);
        awaitTrue(() -> server.openConnections() == 0);
    }

    @Test
    void givenPerIpCapOfTwo_whenAThirdConnects_thenOneSpanishLineAndClosed() throws Exception {
        // Loopback is not a trusted proxy here, so these clients are charged to their own address at once.
        int port = start(config(4000, 2, List.of()), AdmissionConfig.DEFAULTS);

        try (LineClient first = new LineClient(port).greeted();
                LineClient second = new LineClient(port).greeted();
                LineClient third = new LineClient(port)) {
            assertThat(third.line()).isEqualTo(SpanishTexts.TOO_MANY_FROM_ADDRESS);
            assertThat(third.closedByServer()).isTrue();
            first.send("hola");
            assertThat(first.line()).isEqualTo("Te escucho.");
        }
    }

    @Test
    void givenAReplyInProgress_whenTheServerStops_thenPeopleAreToldAndTheReplyFinishes() throws Exception {
        llm.hold();
        int port = start();
        LineClient client = new LineClient(port).greeted();
        client.send("hola");
        awaitTrue(() -> llm.running() == 1);

        Thread stopper = new Thread(() -> server.shutdown(Duration.ofSeconds(5)));
        stopper.start();
        assertThat(client.line()).isEqualTo(SpanishTexts.SHUTTING_DOWN);
        client.send("otro mensaje");
        assertThat(client.line()).isEqualTo(SpanishTexts.SHUTTING_DOWN);
        llm.open();
        assertThat(client.line()).isEqualTo("Te escucho.");
        stopper.join(10_000);
        assertThat(client.closedByServer()).isTrue();
        client.close();
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenTheModelFails_whenChatting_thenACalmLineSaysWhatToDo() throws Exception {
        llm.then(FakeLlmPort.failure(Reason.UPSTREAM_ERROR));
        int port = start();

        try (LineClient client = new LineClient(port).greeted()) {
            client.send("hola");
            assertThat(client.line())
                    .startsWith("No puedo responderte en este momento.")
                    .contains("emergencias");
            client.send("hola");
            assertThat(client.line()).isEqualTo("Te escucho.");
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
