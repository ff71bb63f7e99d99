package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code psicoia app} from the built jar, as a separate process on a real port. */
class PsicoiaAppIT {

    private static final Path JAR = Path.of("target", "psicoia.jar");

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "app"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.contains("API_KEY") || name.startsWith("LLM_"));
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Collects a process's stderr lines as they come. */
    private static LinkedBlockingQueue<String> lines(Process process) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(stderr closed)");
            }
        });
        return lines;
    }

    private static void awaitLine(LinkedBlockingQueue<String> lines, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.contains(fragment)) {
                return;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no log line with " + fragment + "; saw " + seen);
    }

    @Test
    void givenTheApp_whenAPersonChatsAndTheAppGetsSigterm_thenGreetedAnsweredToldAndExitZero() throws Exception {
        int port = freePort();
        Process app = start("--host", "127.0.0.1", "--port", String.valueOf(port));
        LinkedBlockingQueue<String> log = lines(app);
        try {
            // Setup advice goes to whoever runs the server (the log), not to the people who write to it.
            awaitLine(log, "event=llm.offline");
            awaitLine(log, "event=app.ready");
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
            awaitLine(log, "event=app.stopped");
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void givenThePortIsTaken_whenStarting_thenExitThreeWithASpanishLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process app = start("--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));
            LinkedBlockingQueue<String> log = lines(app);
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).isEqualTo(3);
            awaitLine(log, "No pude escuchar en 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void givenAnInvalidVariable_whenStarting_thenExitTwoNamingFlagAndVariable() throws Exception {
        Process app = start("--max-connections-per-ip", "cero");
        LinkedBlockingQueue<String> log = lines(app);
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(2);
        awaitLine(log, "--max-connections-per-ip (variable MAX_CONNECTIONS_PER_IP)");
    }
}
