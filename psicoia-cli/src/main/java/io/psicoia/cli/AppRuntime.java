package io.psicoia.cli;

import io.psicoia.adapter.llm.OpenAiCompatibleLlmAdapter;
import io.psicoia.adapter.tcp.ConnectionLimiter;
import io.psicoia.adapter.tcp.TcpChatServer;
import io.psicoia.adapter.tcp.TcpServerConfig;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.service.ChatService;
import io.psicoia.domain.service.ChatThreads;
import java.net.BindException;
import java.net.SocketException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running TCP chat server with its model, workers and timers: what {@code app} and {@code serve} start. */
final class AppRuntime implements AutoCloseable {

    private final TcpChatServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final int port;
    private final boolean offline;
    private volatile boolean closing;

    private final Observability observability;

    private AppRuntime(
            TcpChatServer server,
            ExecutorService workers,
            ScheduledExecutorService timers,
            int port,
            boolean offline,
            Observability observability) {
        this.server = server;
        this.workers = workers;
        this.timers = timers;
        this.port = port;
        this.offline = offline;
        this.observability = observability;
    }

    /**
     * The app's readiness checks, in a map the caller may add to: listening (until it starts stopping), and a model to
     * answer (or the offline fallback).
     */
    Map<String, Boolean> checks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("listening", !closing);
        checks.put("llm", offline || observability.modelReachable());
        return checks;
    }

    /**
     * Builds and binds the app; logs its configuration and {@code event=app.ready port=N}.
     *
     * @param command the subcommand whose help the error messages point at
     * @throws CannotConnectException when the port cannot be bound
     * @throws ConfigException when a setting cannot be used
     */
    static AppRuntime start(
            TcpOptions tcp,
            AdmissionOptions admission,
            SafetyOptions safety,
            LlmOptions llm,
            Map<String, String> environment,
            String command,
            Observability observability)
            throws InterruptedException {
        Logger log = LoggerFactory.getLogger(AppCommand.class);
        TcpServerConfig config = tcpConfig(tcp, admission, command);
        LlmWiring.Choice choice = LlmWiring.choose(llm, environment, true);
        if (choice.offline()) {
            log.warn("event=llm.offline hint=\"sin modelo de lenguaje: para conectar uno, definí GROQ_API_KEY (o"
                    + " LLM_URL para un servidor local como Ollama) y volvé a iniciar\"");
        }
        ExecutorService workers =
                ChatThreads.workers("psicoia-llm", admission.toConfig().maxInFlight());
        ScheduledExecutorService timers = ChatThreads.timers("psicoia-timer");
        ChatService chat =
                ChatWiring.chatService(choice, llm, admission, safety, observability.chatEvents(), workers, timers);
        timers.scheduleAtFixedRate(chat::purgeExpiredRateState, 1, 1, TimeUnit.MINUTES);
        log.info("event=app.config llm=\"{}\" admission={} tcp={}", choice.description(), admission.toConfig(), config);

        TcpChatServer server = new TcpChatServer(config, chat, chat);
        int port;
        try {
            port = server.start();
        } catch (Exception e) {
            server.shutdown(Duration.ZERO);
            workers.shutdownNow();
            timers.shutdownNow();
            throw cannotBind(e, config.host() + ":" + config.port(), "--port (APP_PORT)", "--host (APP_HOST)");
        }
        observability.gauge(
                "psicoia.tcp.connections.open", "TCP connections open to the chat server", server::openConnections);
        observability.counter(
                "psicoia.tcp.connections.opened",
                "TCP connections accepted",
                "process",
                command,
                server,
                TcpChatServer::acceptedConnections);
        for (ConnectionLimiter.Refusal reason : ConnectionLimiter.Refusal.values()) {
            observability.counter(
                    "psicoia.tcp.connections.refused",
                    "TCP connections refused, by reason",
                    "reason",
                    reason.name().toLowerCase(java.util.Locale.ROOT),
                    server,
                    chatServer -> chatServer.refusedConnections(reason));
        }
        if (choice.port() instanceof OpenAiCompatibleLlmAdapter adapter) {
            for (String state : new String[] {"closed", "open", "half_open"}) {
                observability.gauge(
                        "psicoia.llm.breaker.state",
                        "1 for the model circuit breaker's current state (open: calls paused after repeated failures)",
                        "state",
                        state,
                        () -> adapter.breakerState().equals(state) ? 1 : 0);
            }
            for (LlmUnavailableException.Reason reason : LlmUnavailableException.Reason.values()) {
                observability.counter(
                        "psicoia.llm.retries",
                        "Model calls retried, by the failure that caused the retry",
                        "reason",
                        reason.name().toLowerCase(java.util.Locale.ROOT),
                        adapter,
                        llmAdapter -> llmAdapter.retries(reason));
            }
        }
        observability.gauge("psicoia.llm.in_flight", "Model calls running now", chat::inFlight);
        observability.gauge("psicoia.queue.waiting", "Messages waiting for a model slot now", chat::queued);
        observability.gauge("psicoia.conversations.open", "Conversations held in memory", chat::openConversations);
        log.info("event=app.ready port={}", port);
        return new AppRuntime(server, workers, timers, port, choice.offline(), observability);
    }

    int port() {
        return port;
    }

    /** Stops gracefully: everyone connected is told, replies in progress may finish within the grace period. */
    @Override
    public void close() {
        closing = true;
        server.close();
        workers.shutdownNow();
        timers.shutdownNow();
    }

    private static TcpServerConfig tcpConfig(TcpOptions tcp, AdmissionOptions admission, String command) {
        try {
            return tcp.toConfig(admission);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Valor inválido para --trusted-proxy (variable TRUSTED_PROXIES): "
                    + e.getMessage() + ". Ver: psicoia " + command + " --help");
        }
    }

    /** A bind failure as one Spanish line naming the flags to change. */
    static RuntimeException cannotBind(Exception e, String where, String portFlag, String hostFlag) {
        if (e instanceof BindException) {
            return new CannotConnectException(
                    "No pude escuchar en " + where + ": el puerto está en uso o la dirección no es de esta máquina."
                            + " Elegí otro con " + portFlag + " o " + hostFlag + ".",
                    e);
        }
        if (e instanceof SocketException) {
            return new CannotConnectException(
                    "No pude escuchar en " + where + " (" + e.getClass().getSimpleName() + "). Revisá " + hostFlag
                            + " y " + portFlag + ".",
                    e);
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(e);
    }
}
