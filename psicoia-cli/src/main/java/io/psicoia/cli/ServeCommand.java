package io.psicoia.cli;

import io.psicoia.gateway.ws.WsGatewayServer;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code psicoia serve}: the app and the gateway in one process, for a web chat with one command. */
@Command(
        name = "serve",
        sortOptions = false,
        synopsisHeading = "Uso: ",
        descriptionHeading = "%n",
        optionListHeading = "%nOpciones:%n",
        description = {
            "Inicia PsicoIA completo en un solo proceso: el servidor de chat TCP (puerto 5001) y el gateway web"
                    + " (puerto 8765). Abrí http://localhost:8765/ en el navegador.",
            "Acepta las opciones de 'psicoia app' y de 'psicoia gateway'; el gateway se conecta a la app por"
                    + " loopback.",
            "Se detiene con Ctrl-C o SIGTERM: avisa a quienes están conectados, deja terminar las respuestas en curso"
                    + " y cierra cada pestaña con el código 1001."
        })
final class ServeCommand implements Callable<Integer> {

    @Mixin
    TcpOptions tcp = new TcpOptions();

    @Mixin
    GatewayOptions gateway = new GatewayOptions();

    @Mixin
    AdmissionOptions admission = new AdmissionOptions();

    @Mixin
    SafetyOptions safety = new SafetyOptions();

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Mixin
    AdminOptions adminOptions = new AdminOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    private final Map<String, String> environment;
    private final Stopper stopper;

    ServeCommand(Map<String, String> environment, Stopper stopper) {
        this.environment = environment;
        this.stopper = stopper;
    }

    @Override
    public Integer call() throws InterruptedException {
        LogSetup.apply(logging, "INFO");
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        Observability observability = Observability.create(adminOptions, AppCommand.ADMIN_PORT, "serve");
        AppRuntime app = AppRuntime.start(tcp, admission, safety, llm, environment, "serve", observability);
        WsGatewayServer server;
        try {
            server = GatewayRuntime.start(gateway.toConfig(appHostFor(tcp.host), app.port()), "serve", 3);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        GatewayCommand.gauges(observability, server);
        try {
            observability.startAdmin(() -> {
                Map<String, Boolean> checks = app.checks();
                checks.put("gateway", server.isAccepting());
                return checks;
            });
        } catch (RuntimeException e) {
            server.shutdown(java.time.Duration.ZERO);
            app.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        stopper.onStop(() -> {
            // New browsers are turned away first; the app then tells everyone (relayed by the gateway) and lets
            // replies finish; what is still open after that gets the gateway's 1001.
            server.stopAccepting();
            app.close();
            server.close();
            observability.close();
            stopped.countDown();
        });
        stopped.await();
        log.info("event=serve.stopped");
        return ExitCode.OK;
    }

    /** Where the gateway reaches the app: loopback when the app listens on every interface (a trusted proxy). */
    static String appHostFor(String appBindHost) {
        String host = appBindHost.trim();
        return switch (host) {
            case "0.0.0.0", "*", "" -> "127.0.0.1";
            case "::", "[::]", "0:0:0:0:0:0:0:0" -> "::1";
            default -> host;
        };
    }
}
