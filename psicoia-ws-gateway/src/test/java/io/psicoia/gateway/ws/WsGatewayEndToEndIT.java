package io.psicoia.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.psicoia.adapter.tcp.TcpChatServer;
import io.psicoia.adapter.tcp.TcpServerConfig;
import io.psicoia.domain.service.AdmissionConfig;
import io.psicoia.domain.service.ChatService;
import io.psicoia.domain.testing.FakeLlmPort;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Browser → gateway → the real TCP chat server → the domain → a fake model, and back. */
class WsGatewayEndToEndIT {

    @RegisterExtension
    final GatewayExtension gateway = new GatewayExtension();

    private TcpChatServer app;

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.shutdown(Duration.ZERO);
        }
    }

    private int startApp(FakeLlmPort llm) throws InterruptedException {
        TcpServerConfig d = TcpServerConfig.DEFAULTS;
        TcpServerConfig config = new TcpServerConfig(
                "127.0.0.1",
                0,
                d.maxConnections(),
                d.maxConnectionsPerIp(),
                d.maxMessageChars(),
                d.idleTimeout(),
                Duration.ofSeconds(1),
                d.trustedProxies(),
                d.rateMaxMessages(),
                d.rateWindow(),
                d.backlog(),
                d.maxPendingReplyBytes());
        ChatService chat =
                ChatService.builder(llm).admission(AdmissionConfig.DEFAULTS).build();
        app = new TcpChatServer(config, chat, chat);
        return app.start();
    }

    @Test
    void givenTheRealApp_whenABrowserChats_thenWelcomeDeltasAndDoneArriveAsFrames() throws Exception {
        int appPort = startApp(new FakeLlmPort().byDefault(FakeLlmPort.reply("Te ", "escucho.")));
        int port = gateway.start(GatewayExtension.config(appPort));
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send("{\"type\":\"hello\",\"client\":\"psicoia-web/1\",\"locale\":\"es-AR\"}");
            assertThat(browser.text()).startsWith("{\"type\":\"welcome\",\"user\":\"Usuario-");
            browser.send("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"Hoy me siento sola\"}");
            // The model's two pieces make one sentence, released whole after the output check.
            assertThat(browser.text()).isEqualTo("{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"Te escucho.\"}");
            assertThat(browser.text()).isEqualTo("{\"type\":\"done\",\"id\":\"m1\",\"complete\":true}");
            browser.send("{\"type\":\"bye\"}");
            JdkWsClient.Event close = browser.closeEvent();
            assertThat(close.closeCode()).isEqualTo(1000);
        }
    }

    @Test
    void givenTheAppStops_whenABrowserIsConnected_thenItReadsTheNoticeAndGets1001() throws Exception {
        int appPort = startApp(new FakeLlmPort());
        int port = gateway.start(GatewayExtension.config(appPort));
        try (JdkWsClient browser = new JdkWsClient(port)) {
            browser.send("{\"type\":\"hello\"}");
            browser.text();
            app.shutdown(Duration.ofMillis(200));
            assertThat(browser.text()).contains("\"code\":\"shutting_down\"");
            assertThat(browser.closeEvent().closeCode()).isEqualTo(1001);
        }
    }

    @Test
    void givenEveryLogLevelOn_whenACanaryGoesThroughTheGateway_thenNoLogRecordHoldsIt() throws Exception {
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
            int appPort = startApp(new FakeLlmPort().byDefault(FakeLlmPort.reply("eco ", canary)));
            port = gateway.start(GatewayExtension.config(appPort));
            try (JdkWsClient browser = new JdkWsClient(port)) {
                browser.send("{\"type\":\"hello\",\"client\":\"" + canary + "\",\"peer\":\"" + canary + "\"}");
                browser.text();
                browser.send("{\"type\":\"message\",\"id\":\"" + canary + "\",\"text\":\"" + canary + "\"}");
                assertThat(browser.text()).contains(canary); // the reply: one sentence, one delta
                assertThat(browser.text()).contains("\"type\":\"done\"");
                browser.send(canary + "\n" + canary);
                assertThat(browser.text()).contains("bad_request");
                browser.send("{\"type\":\"" + canary + "\"}");
                browser.text();
                browser.send("{\"roto\":\"" + canary);
                browser.text();
            }
            try (RawWsClient raw = RawWsClient.connect(port(), null)) {
                raw.frame(true, 0x1, (canary + "\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                raw.untilClosed(3000);
            }
            try (RawWsClient raw = RawWsClient.connect(port(), null)) {
                raw.frame(true, 0x2, canary.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                raw.untilClosed(3000);
            }
            WsGatewayBridgeIT.awaitTrue(() -> gateway.server().openSessions() == 0, Duration.ofSeconds(3));
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
        assertThat(capture.list).anyMatch(event -> event.getFormattedMessage().contains("event=ws.closed"));
    }

    private int port;

    private int port() {
        return port;
    }
}
