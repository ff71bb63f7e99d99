package io.psicoia.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The built jar run as a separate process, as an operator runs it: shared by the integration tests of the jar. */
final class JarProcess {

    static final Path JAR = Path.of("target", "psicoia.jar");

    private JarProcess() {}

    /** {@code java -jar psicoia.jar COMMAND ARGS…}, with no model key or URL from the test's own environment. */
    static ProcessBuilder builder(String command, String... args) {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), command));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().keySet().removeIf(name -> name.contains("API_KEY") || name.startsWith("LLM_"));
        return builder;
    }

    static Process start(String command, String... args) throws IOException {
        return builder(command, args).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Collects a process's stderr lines as they come. */
    static LinkedBlockingQueue<String> stderrLines(Process process) {
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

    /** Waits up to 30 s for a line containing {@code fragment}, consuming the lines before it. */
    static void awaitLine(LinkedBlockingQueue<String> lines, String fragment) throws InterruptedException {
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
}
