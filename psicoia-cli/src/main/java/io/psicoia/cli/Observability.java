package io.psicoia.cli;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.psicoia.adapter.admin.AdminMetrics;
import io.psicoia.adapter.admin.AdminServer;
import io.psicoia.adapter.admin.MicrometerChatEvents;
import io.psicoia.adapter.admin.Readiness;
import io.psicoia.domain.port.out.ChatEvents;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's metrics and its admin listener: made when the admin port is on, a no-op otherwise (then nothing is
 * measured and nothing listens).
 */
final class Observability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);
    /** How long a readiness probe of the app may take. */
    private static final int PROBE_TIMEOUT_MILLIS = 300;

    private final AdminOptions options;
    private final int defaultPort;
    private final String command;
    private final PrometheusMeterRegistry registry;
    private final MicrometerChatEvents chatEvents;
    private AdminServer server;

    private Observability(AdminOptions options, int defaultPort, String command, PrometheusMeterRegistry registry) {
        this.options = options;
        this.defaultPort = defaultPort;
        this.command = command;
        this.registry = registry;
        this.chatEvents = registry == null ? null : new MicrometerChatEvents(registry);
    }

    /** Metrics for {@code command} ({@code app}, {@code gateway}, {@code serve}), when its admin port is on. */
    static Observability create(AdminOptions options, int defaultPort, String command) {
        boolean on = options.port(defaultPort).isPresent();
        return new Observability(options, defaultPort, command, on ? AdminMetrics.create(command) : null);
    }

    /** Where the chat service reports its events. */
    ChatEvents chatEvents() {
        return chatEvents != null ? chatEvents : ChatEvents.NONE;
    }

    /** Whether the model seems reachable (true when nothing is measured). */
    boolean modelReachable() {
        return chatEvents == null || chatEvents.modelReachable();
    }

    /**
     * A counter read on each scrape from a running total that {@code state} keeps. Micrometer holds {@code state}
     * weakly: pass an object the process keeps (the server), never a lambda.
     */
    <T> void counter(String name, String description, String tag, String tagValue, T state, ToDoubleFunction<T> total) {
        if (registry != null) {
            FunctionCounter.builder(name, state, total)
                    .description(description)
                    .tag(tag, tagValue)
                    .register(registry);
        }
    }

    /** A gauge read on each scrape. */
    void gauge(String name, String description, Supplier<Number> value) {
        if (registry != null) {
            Gauge.builder(name, value).description(description).register(registry);
        }
    }

    /** A gauge with one tag, read on each scrape. */
    void gauge(String name, String description, String tag, String tagValue, Supplier<Number> value) {
        if (registry != null) {
            Gauge.builder(name, value)
                    .description(description)
                    .tag(tag, tagValue)
                    .register(registry);
        }
    }

    /**
     * Opens the admin listener, once the process is listening. A default port that is taken is skipped with a warning
     * (two PsicoIA processes on one machine keep working); a chosen one that is taken stops the start (exit 3).
     */
    void startAdmin(Readiness readiness) throws InterruptedException {
        Optional<Integer> port = options.port(defaultPort);
        if (registry == null || port.isEmpty()) {
            LOG.info("event=admin.off");
            return;
        }
        AdminServer admin = new AdminServer(options.host, port.get(), registry, readiness);
        try {
            admin.start();
            server = admin;
        } catch (Exception e) {
            admin.close();
            if (options.chosen()) {
                throw AppRuntime.cannotBind(
                        e, options.host + ":" + port.get(), "--admin-port (ADMIN_PORT)", "--admin-host (ADMIN_HOST)");
            }
            LOG.warn(
                    "event=admin.unavailable port={} error={} hint=\"elegí otro con --admin-port (ADMIN_PORT), u off\"",
                    port.get(),
                    e.getClass().getSimpleName());
        }
    }

    /** Whether something accepts TCP connections at {@code host:port} right now (a connect, closed at once). */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Override
    public String toString() {
        return "Observability[command=" + command + ", admin=" + (server != null) + "]";
    }
}
