package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code psicoia app} from the built jar, as a separate process on a real port. */
class PsicoiaAppIT {

    private static Process start(String... args) throws IOException {
        return JarProcess.start("app", args);
    }

    @Test
    void givenTheApp_whenAPersonChatsAndTheAppGetsSigterm_thenGreetedAnsweredToldAndExitZero() throws Exception {
        int port = JarProcess.freePort();
        Process app = start("--host", "127.0.0.1", "--port", String.valueOf(port));
        LinkedBlockingQueue<String> log = JarProcess.stderrLines(app);
        try {
            // Setup advice goes to whoever runs the server (the log), not to the people who write to it.
            JarProcess.awaitLine(log, "event=llm.offline");
            JarProcess.awaitLine(log, "event=app.ready");
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                assertThat(in.readLine()).matches("Usuario-1 conectado\\.");
                assertThat(in.readLine()).isEqualTo("Bienvenido a PsicoIA.");
                assertThat(in.readLine()).isEqualTo("Contame cómo te sentís hoy. Escribí 'salir' para cerrar.");
                out.write("me siento solo\n".getBytes(StandardCharsets.UTF_8));
                assertThat(in.readLine())
                        .startsWith("Aviso: en este momento PsicoIA funciona en un modo sencillo")
                        .doesNotContain("GROQ_API_KEY")
                        .contains("¿");

                app.toHandle().destroy(); // SIGTERM, leaving our end of its pipes open
                assertThat(in.readLine()).startsWith("PsicoIA se va a detener");
            }
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).isZero();
            JarProcess.awaitLine(log, "event=app.stopped");
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void givenThePortIsTaken_whenStarting_thenExitThreeWithASpanishLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process app = start("--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));
            LinkedBlockingQueue<String> log = JarProcess.stderrLines(app);
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).isEqualTo(3);
            JarProcess.awaitLine(log, "No pude escuchar en 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void givenAnInvalidVariable_whenStarting_thenExitTwoNamingFlagAndVariable() throws Exception {
        Process app = start("--max-connections-per-ip", "cero");
        LinkedBlockingQueue<String> log = JarProcess.stderrLines(app);
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(2);
        JarProcess.awaitLine(log, "--max-connections-per-ip (variable MAX_CONNECTIONS_PER_IP)");
    }
}
