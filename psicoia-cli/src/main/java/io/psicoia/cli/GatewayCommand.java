package io.psicoia.cli;

import io.psicoia.gateway.ws.GatewayCounters;
import io.psicoia.gateway.ws.WsGatewayServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code psicoia gateway}: the web page and its WebSocket, bridged to a running {@code psicoia app}. */
@Command(
        name = "gateway",
        sortOptions = false,
        synopsisHeading = "Uso: ",
        descriptionHeading = "%n",
        optionListHeading = "%nOpciones:%n",
        description = {
            "Inicia el gateway web de PsicoIA (puerto 8765): sirve la página del chat y conecta cada pestaña del"
                    + " navegador, por WebSocket en /ws, con su propia conexión al servidor TCP ('psicoia app').",
            "El gateway tiene que estar en una dirección de confianza para la app (--trusted-proxy, por defecto"
                    + " loopback) para que los límites se apliquen a la IP de cada persona.",
            "Se detiene con Ctrl-C o SIGTERM: cierra cada conexión con el código 1001."
        })
final class GatewayCommand implements Callable<Integer> {

    /** The admin listener's port when none is chosen (9464 is the app's). */
    static final int ADMIN_PORT = 9465;

    /** The gateway's gauges: WebSocket sessions and connections of every kind. */
    static void gauges(Observability observability, WsGatewayServer server) {
        observability.gauge("psicoia.ws.sessions.open", "WebSocket sessions open", server::openSessions);
        observability.gauge(
                "psicoia.ws.connections.open",
                "Gateway connections open (pages, upgrades, WebSockets)",
                server::openConnections);
        GatewayCounters counters = server.counters();
        observability.counter(
                "psicoia.ws.sessions.opened",
                "WebSocket sessions opened",
                "gateway",
                "ws",
                counters,
                GatewayCounters::opened);
        for (GatewayCounters.Refusal reason : GatewayCounters.Refusal.values()) {
            observability.counter(
                    "psicoia.ws.connections.refused",
                    "Browsers turned away, by reason",
                    "reason",
                    reason.name().toLowerCase(java.util.Locale.ROOT),
                    counters,
                    gateway -> gateway.refused(reason));
        }
    }

    @Mixin
    GatewayOptions gateway = new GatewayOptions();

    @Mixin
    AppTargetOptions target = new AppTargetOptions();

    @Mixin
    AdminOptions adminOptions = new AdminOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    private final Map<String, String> environment;
    private final Stopper stopper;

    GatewayCommand(Map<String, String> environment, Stopper stopper) {
        this.environment = environment;
        this.stopper = stopper;
    }

    @Override
    public Integer call() throws InterruptedException {
        LogSetup.apply(logging, "INFO");
        Logger log = LoggerFactory.getLogger(GatewayCommand.class);
        Observability observability = Observability.create(adminOptions, ADMIN_PORT, "gateway");
        int appPort = target.effectivePort(environment);
        WsGatewayServer server = GatewayRuntime.start(gateway.toConfig(target.host, appPort), "gateway", 2);
        gauges(observability, server);
        try {
            observability.startAdmin(() -> {
                Map<String, Boolean> checks = new LinkedHashMap<>();
                checks.put("listening", server.isAccepting());
                checks.put("app", Observability.accepts(target.host, appPort));
                return checks;
            });
        } catch (RuntimeException e) {
            server.shutdown(java.time.Duration.ZERO);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        stopper.onStop(() -> {
            server.close();
            observability.close();
            stopped.countDown();
        });
        stopped.await();
        log.info("event=gateway.stopped");
        return ExitCode.OK;
    }
}
