package io.psicoia.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    /** The admin listener's port when none is chosen. */
    static final int ADMIN_PORT = 9464;

    @Mixin
    TcpOptions tcp = new TcpOptions();

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

    AppCommand(Map<String, String> environment, Stopper stopper) {
        this.environment = environment;
        this.stopper = stopper;
    }

    @Override
    public Integer call() throws InterruptedException {
        LogSetup.apply(logging, "INFO");
        Logger log = LoggerFactory.getLogger(AppCommand.class);
        Observability observability = Observability.create(adminOptions, ADMIN_PORT, "app");
        AppRuntime app = AppRuntime.start(tcp, admission, safety, llm, environment, "app", observability);
        try {
            observability.startAdmin(app::checks);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        stopper.onStop(() -> {
            app.close();
            observability.close();
            stopped.countDown();
        });
        stopped.await();
        log.info("event=app.stopped");
        return ExitCode.OK;
    }
}
