package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCommandTest {

    @Test
    void givenPipedLinesAndNoKey_whenChatting_thenTwoOfflineRepliesAndAGoodbye() {
        CliRun run = CliRun.of("hola\n\n   \nme siento solo\nsalir\nesto no se lee\n", Map.of(), "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith(ChatSession.REPLY_PREFIX)))
                .hasSize(2);
        assertThat(run.out())
                .contains(ChatSession.INTRO)
                .contains("GROQ_API_KEY")
                .endsWith("Gracias por usar PsicoIA. Cuidate!\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void givenEndOfInputWithoutSalir_whenChatting_thenLeavesCleanly() {
        CliRun run = CliRun.of("hola\n", Map.of(), "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith("Gracias por usar PsicoIA. Cuidate!\n");
    }

    @Test
    void givenSalirInAnyCase_whenChatting_thenNoReplyIsAsked() {
        CliRun run = CliRun.of("  SALIR  \n", Map.of(), "chat");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain(ChatSession.REPLY_PREFIX);
    }

    @Test
    void givenAConnectValueWithoutPort_whenStarting_thenExitTwoNamingTheFlag() {
        CliRun run = CliRun.of("hola\n", Map.of(), "chat", "--connect", "localhost");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("Valor inválido para --connect: se esperaba HOST:PUERTO")
                .contains("Recibí: 'localhost'")
                .contains("psicoia chat --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void givenAConnectPortOutOfRange_whenStarting_thenExitTwo() {
        CliRun run = CliRun.of("", Map.of(), "chat", "--connect", "localhost:70000");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--connect");
    }
}
