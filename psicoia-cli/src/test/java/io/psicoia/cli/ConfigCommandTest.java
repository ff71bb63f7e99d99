package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psicoia config}: every value with its source, secrets hidden, bad values and bad .env files refused. */
class ConfigCommandTest {

    @TempDir
    Path dir;

    private static String row(String out, String flagOrVariable) {
        return out.lines()
                .filter(line -> line.contains(flagOrVariable + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + flagOrVariable + " in:\n" + out));
    }

    @Test
    void givenEachSource_whenPrinting_thenEveryValueSaysWhereItCameFrom() throws Exception {
        Path dotEnv = Files.writeString(
                dir.resolve(".env"),
                "# prueba\nexport MAX_IN_FLIGHT=7\nRATE_MAX_MESSAGES=\"9\"\nAPP_HOST=10.1.1.1 # comentario\n"
                        + "MODEL_NAME=desde-env-file\n");

        CliRun run = CliRun.withDotEnv(
                Map.of("MODEL_NAME", "desde-entorno", "PER_USER_MAX", "3"), dotEnv, "config", "app", "--port", "6000");

        assertThat(run.exitCode()).isZero();
        assertThat(row(run.out(), "--port")).contains("APP_PORT", "6000", "(opción)");
        assertThat(row(run.out(), "--per-user-max")).contains("3", "(entorno)");
        assertThat(row(run.out(), "--model"))
                .contains("desde-entorno", "(entorno)")
                .doesNotContain("desde-env-file");
        assertThat(row(run.out(), "--max-in-flight")).contains("7", "(.env)");
        assertThat(row(run.out(), "--host")).contains("10.1.1.1 ", "(.env)");
        assertThat(row(run.out(), "--rate-max-messages-per-ip")).contains("45", "(por defecto)");
        assertThat(row(run.out(), "--queue-timeout")).contains("30", "(por defecto)");
        assertThat(row(run.out(), "--admin-port")).contains("9464");
    }

    @Test
    void givenKeys_whenPrinting_thenTheyAreNeverShown() throws Exception {
        Path dotEnv = Files.writeString(dir.resolve(".env"), "LLM_API_KEY=sk-secreto-de-archivo\n");

        CliRun run = CliRun.withDotEnv(
                Map.of("GROQ_API_KEY", "gsk_secreto_de_entorno", "LLM_URL", "https://ana:clave@llm.example/v1/chat"),
                dotEnv,
                "config",
                "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("secreto").doesNotContain("clave@");
        assertThat(row(run.out(), "GROQ_API_KEY")).contains("definida (oculta)", "(entorno)");
        assertThat(row(run.out(), "LLM_API_KEY")).contains("definida (oculta)", "(.env)");
        assertThat(row(run.out(), "--llm-url")).contains("https://***@llm.example/v1/chat");
        assertThat(run.out()).doesNotContain("--admin-port"); // a terminal chat has no admin listener
    }

    @Test
    void givenAWrongValue_whenPrinting_thenExitTwoNamingFlagAndVariable() {
        CliRun run = CliRun.of("", Map.of("MAX_IN_FLIGHT", "muchas"), "config", "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--max-in-flight (variable MAX_IN_FLIGHT)", "muchas");
    }

    @Test
    void givenAnUnknownCommand_whenPrinting_thenExitTwo() {
        CliRun run = CliRun.of("", Map.of(), "config", "todo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("app, gateway, serve o chat");
    }

    @Test
    void givenAMalformedDotEnv_whenStarting_thenExitTwoWithTheLineNumberButNotItsContent() throws Exception {
        Path dotEnv = Files.writeString(dir.resolve(".env"), "APP_PORT=5001\nesto-no-es gsk_clave\n");

        CliRun run = CliRun.withDotEnv(Map.of(), dotEnv, "config");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("línea 2").doesNotContain("gsk_clave");
    }

    @Test
    void givenNoDotEnv_whenPrinting_thenDefaultsAndNoError() {
        CliRun run = CliRun.withDotEnv(Map.of(), dir.resolve("no-existe.env"), "config", "gateway");

        assertThat(run.exitCode()).isZero();
        assertThat(row(run.out(), "--ws-port")).contains("8765", "(por defecto)");
        assertThat(row(run.out(), "--admin-port")).contains("9465");
    }
}
