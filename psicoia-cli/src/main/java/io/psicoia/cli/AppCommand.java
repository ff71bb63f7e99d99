package io.psicoia.cli;

import io.psicoia.adapter.tcp.TcpChatServer;
import io.psicoia.adapter.tcp.TcpServerConfig;
import io.psicoia.domain.service.ChatService;
import io.psicoia.domain.service.ChatThreads;
import java.net.BindException;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code psicoia app}: the TCP chat server (port 5001), as the original. */
@Command(
        name = "app",
        sortOptions = false,
        synopsisHeading = "Uso: ",
        descriptionHeading = "%n",
        optionListHeading = "%nOpciones:%n",
        description = {
            "Inicia el servidor de chat TCP de PsicoIA (el 'app' del original, puerto 5001).",
            "Probalo con: nc localhost 5001. Los programas usan el modo JSON (ver docs/protocol.md).",
            "Se detiene con Ctrl-C o SIGTERM: avisa a quienes están conectados y deja terminar las respuestas en curso."
        })
final class AppCommand implements Callable<Integer> {

    @Mixin
    TcpOptions tcp = new TcpOptions();

    @Mixin
    AdmissionOptions admission = new AdmissionOptions();

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    private final Map<String, String> environment;
    private final Stopper stopper;

    AppCommand(Map<String, String> environment, Stopper stopper) {
        this.environment = environment;
        this.stopper = stopper;
    }

    @Override
    public Integer call() throws InterruptedException {
        LogSetup.apply(logging.levelOr("INFO"), logging.file());
        Logger log = LoggerFactory.getLogger(AppCommand.class);
        TcpServerConfig config = tcpConfig();
        LlmWiring.Choice choice = LlmWiring.choose(llm, environment);
        ExecutorService workers =
                ChatThreads.workers("psicoia-llm", admission.toConfig().maxInFlight());
        ScheduledExecutorService timers = ChatThreads.timers("psicoia-timer");
        ChatService chat = ChatWiring.chatService(choice, llm, admission, workers, timers);
        timers.scheduleAtFixedRate(chat::purgeExpiredRateState, 1, 1, TimeUnit.MINUTES);
        log.info("event=app.config llm=\"{}\" admission={} tcp={}", choice.description(), admission.toConfig(), config);

        TcpChatServer server = new TcpChatServer(config, chat, chat);
        int port;
        try {
            port = server.start();
        } catch (Exception e) {
            server.shutdown(java.time.Duration.ZERO);
            throw cannotBind(e, config);
        }
        log.info("event=app.ready port={}", port);
        CountDownLatch stopped = new CountDownLatch(1);
        stopper.onStop(() -> {
            server.close();
            workers.shutdownNow();
            timers.shutdownNow();
            stopped.countDown();
        });
        stopped.await();
        log.info("event=app.stopped");
        return ExitCode.OK;
    }

    private TcpServerConfig tcpConfig() {
        try {
            return tcp.toConfig(admission);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Valor inválido para --trusted-proxy (variable TRUSTED_PROXIES): "
                    + e.getMessage() + ". Ver: psicoia app --help");
        }
    }

    private static RuntimeException cannotBind(Exception e, TcpServerConfig config) {
        String where = config.host() + ":" + config.port();
        if (e instanceof BindException) {
            return new CannotConnectException(
                    "No pude escuchar en " + where + ": el puerto está en uso o la dirección no es de esta máquina."
                            + " Elegí otro con --port (APP_PORT) o --host (APP_HOST).",
                    e);
        }
        if (e instanceof SocketException) {
            return new CannotConnectException(
                    "No pude escuchar en " + where + " (" + e.getClass().getSimpleName()
                            + "). Revisá --host (APP_HOST) y --port (APP_PORT).",
                    e);
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(e);
    }
}
