package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PsicoiaCommandTest {

    @Test
    void givenHelp_whenRun_thenSpanishUsageWithTheChatCommandAndExitZero() {
        CliRun run = CliRun.of("", Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Uso: psicoia")
                .contains("Comandos:")
                .contains("chat")
                .contains("Muestra esta ayuda")
                .contains("emergencias");
    }

    @Test
    void givenChatHelp_whenRun_thenEveryOptionNamesItsVariable() {
        CliRun run = CliRun.of("", Map.of(), "chat", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--rate-max-messages", "RATE_MAX_MESSAGES")
                .contains("--model", "MODEL_NAME", "llama-3.1-8b-instant")
                .contains("--llm-url", "LLM_URL")
                .contains("--input-token-budget", "LLM_INPUT_TOKEN_BUDGET")
                .doesNotContain("GROQ_API_KEY=");
    }

    @Test
    void givenVersion_whenRun_thenPrintsIt() {
        CliRun run = CliRun.of("", Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("PsicoIA ");
    }

    @Test
    void givenAnInvalidFlagValue_whenRun_thenExitTwoWithOneLineNamingFlagAndVariable() {
        CliRun run = CliRun.of("", Map.of(), "chat", "--rate-max-messages", "cero");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--rate-max-messages")
                .contains("RATE_MAX_MESSAGES")
                .contains("entero mayor o igual a 1")
                .contains("'cero'")
                .contains("psicoia chat --help");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void givenAnInvalidEnvironmentValue_whenRun_thenExitTwoNamingFlagAndVariable() {
        CliRun run = CliRun.of("", Map.of("LLM_URL", "ftp://x"), "chat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--llm-url").contains("LLM_URL").contains("http");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void givenAFlagAndAVariable_whenRun_thenTheFlagWins() {
        CliRun run = CliRun.of("", Map.of("RATE_MAX_MESSAGES", "abc"), "chat", "--rate-max-messages", "3");

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void givenAnUnknownOption_whenRun_thenExitTwo() {
        CliRun run = CliRun.of("", Map.of(), "chat", "--nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--nope");
    }
}
