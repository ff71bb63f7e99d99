package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built jar, run as a separate process, as the ./psicoia launcher runs it. */
class PsicoiaJarIT {

    private static final Path JAR = Path.of("target", "psicoia.jar");

    /** What a finished process printed. */
    private record Result(int exitCode, String out, String err) {}

    private static Result run(String stdin, String... args) throws IOException, InterruptedException {
        assertThat(JAR).exists();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // No key, no provider URL, no proxy: the offline responder must answer with no network at all.
        builder.environment()
                .keySet()
                .removeIf(name -> name.contains("API_KEY")
                        || name.startsWith("LLM_")
                        || name.toLowerCase(java.util.Locale.ROOT).contains("proxy"));
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("psicoia did not finish within 60 s");
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void givenNoKeyAndNoNetwork_whenChatIsPiped_thenTwoSpanishRepliesAndExitZero() throws Exception {
        Result result = run("hola\nme siento solo\nsalir\n", "chat");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().filter(line -> line.startsWith(ChatSession.REPLY_PREFIX)))
                .hasSize(2);
        assertThat(result.out())
                .contains("GROQ_API_KEY")
                .contains("¿")
                .endsWith("Gracias por usar PsicoIA. Cuidate!\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void givenTraceLogsOnStderr_whenChatting_thenTheMessageNeverAppearsInThem() throws Exception {
        String canary = "CANARIO-" + Long.toHexString(System.nanoTime());

        Result result = run("estoy triste " + canary + "\nsalir\n", "chat", "--log-level", "trace");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("event=chat.start").doesNotContain(canary);
    }

    @Test
    void givenAnInvalidVariable_whenStarting_thenExitTwoWithOneSpanishLine() throws Exception {
        Result result = run("", "chat", "--input-token-budget=-5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--input-token-budget").contains("LLM_INPUT_TOKEN_BUDGET");
        assertThat(Files.exists(JAR)).isTrue();
    }
}
